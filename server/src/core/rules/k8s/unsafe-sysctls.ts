import { describeResource } from '../../kubernetes/model';
import { formatVersion, isAtLeast, parseKubernetesVersion } from '../../kubernetes/pod-security';
import { podSpecOf } from '../../kubernetes/workloads';
import { asMap, pairRange, rangeOf, seqItems, stringValue, valueOf } from '../../yaml/yaml-document';
import { deleteSeqItem } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** The Pod Security Standards' safe sysctls, by the minor version that admitted them (RULES.md §2.1). */
const SAFE_SYSCTLS: Readonly<Record<string, number>> = {
  'kernel.shm_rmid_forced': 0,
  'net.ipv4.ip_local_port_range': 0,
  'net.ipv4.tcp_syncookies': 0,
  'net.ipv4.ping_group_range': 0,
  'net.ipv4.ip_unprivileged_port_start': 0,
  'net.ipv4.ip_local_reserved_ports': 27,
  'net.ipv4.tcp_keepalive_time': 29,
  'net.ipv4.tcp_fin_timeout': 29,
  'net.ipv4.tcp_keepalive_intvl': 29,
  'net.ipv4.tcp_keepalive_probes': 29,
  'net.ipv4.tcp_rmem': 32,
  'net.ipv4.tcp_wmem': 32,
  'net.ipv4.tcp_slow_start_after_idle': 37,
  'net.ipv4.tcp_notsent_lowat': 37,
};

export const unsafeSysctls: KubernetesRule = {
  meta: {
    id: 'k8s/unsafe-sysctls',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Pod sets a sysctl outside the safe set',
    rationale:
      'Most kernel parameters are not namespaced, or are namespaced but let one pod exhaust resources of the whole node; setting them from a pod changes the node for every other workload. The Pod Security Standards baseline allows only a short list of safe sysctls in `spec.securityContext.sysctls`, which grew over releases: `kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_unprivileged_port_start`; `net.ipv4.ip_local_reserved_ports` from 1.27; `net.ipv4.tcp_keepalive_time`, `tcp_fin_timeout`, `tcp_keepalive_intvl`, `tcp_keepalive_probes` from 1.29; `net.ipv4.tcp_rmem`, `tcp_wmem` from 1.32; `net.ipv4.tcp_slow_start_after_idle`, `tcp_notsent_lowat` from 1.37. The check follows the Kubernetes version configured in `kubernetesVersion`.',
    remediation:
      'Remove the sysctl from the pod. If the workload needs it, set it on dedicated nodes (kubelet `--allowed-unsafe-sysctls`, taints) and admit the pod in a namespace at the privileged level.',
    messages: {
      unsafe: '{resource} sets sysctl `{name}`, which is not in the Pod Security Standards safe set: it can affect the whole node. Remove it.',
      tooNew: '{resource} sets sysctl `{name}`, which is safe only from Kubernetes 1.{since}; manifests target {version}. Remove it or raise `kubernetesVersion`.',
    },
    fix: 'suggestion',
    equivalents: {
      'kube-linter': ['unsafe-sysctls'],
      trivy: ['KSV-0026'],
      pss: ['baseline: Sysctls'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  securityContext:\n    sysctls:\n    - name: kernel.msgmax\n      value: "65536"\n  containers:\n  - name: cache\n    image: ghcr.io/acme/cache:3.0.1\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  securityContext:\n    sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: "1024 65000"\n  containers:\n  - name: cache\n    image: ghcr.io/acme/cache:3.0.1\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec?.securityContext) return;
    const { file, document } = resource;
    const version = parseKubernetesVersion(context.options.kubernetesVersion);
    for (const item of seqItems(valueOf(podSpec.securityContext, 'sysctls', document), document)) {
      const entry = asMap(item);
      const name = stringValue(entry, 'name', document);
      if (!entry || name === undefined || name === '') continue;
      const since = SAFE_SYSCTLS[name];
      if (since !== undefined && isAtLeast(version, since)) continue;
      context.report({
        messageId: since === undefined ? 'unsafe' : 'tooNew',
        data: { resource: describeResource(resource), name, since: since ?? '', version: formatVersion(version) },
        range: pairRange(entry, 'name') ?? rangeOf(entry),
        fix: { title: `Remove sysctl ${name}`, edits: deleteSeqItem(file, document, podSpec.securityContext, 'sysctls', item) },
      });
    }
  },
};

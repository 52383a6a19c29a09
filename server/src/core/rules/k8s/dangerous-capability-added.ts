import { addedCapabilitiesOf } from '../../kubernetes/pod-security';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { rangeOf } from '../../yaml/yaml-document';
import { deleteSeqItem } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** What each dangerous capability lets a process do, keyed by its canonical name. */
const DANGEROUS: Readonly<Record<string, string>> = {
  ALL: 'every capability, which makes the container all but privileged',
  SYS_ADMIN: 'mounts, namespaces, BPF and much more: the classic route out of a container',
  SYS_MODULE: 'loading kernel modules, i.e. running code in the node\'s kernel',
  NET_RAW: 'raw sockets, for ARP and DNS spoofing of other pods on the node',
};

/** `cap_sys_admin` and `SYS_ADMIN` name the same capability to the container runtime. */
function canonical(capability: string): string {
  return capability.toUpperCase().replace(/^CAP_/, '');
}

export const dangerousCapabilityAdded: KubernetesRule = {
  meta: {
    id: 'k8s/dangerous-capability-added',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Container adds SYS_ADMIN, SYS_MODULE, NET_RAW or ALL capabilities',
    rationale:
      '`SYS_ADMIN` is close to root on the node (mount, namespaces, BPF), `SYS_MODULE` loads kernel code, `NET_RAW` lets a pod spoof traffic of its neighbours, and `ALL` grants every capability at once. Each is a well-trodden container escape or lateral-movement path, and the Pod Security Standards baseline forbids adding any of them. Spellings such as `cap_sys_admin` are recognised too, since container runtimes accept them.',
    remediation:
      'Remove the capability from `securityContext.capabilities.add`. Replace `NET_RAW`-based health checks (ping) with TCP or HTTP probes; if a node agent really needs `SYS_ADMIN`, isolate it in a namespace admitted at the privileged level.',
    messages: {
      dangerous: '{container} adds capability `{capability}`: {effect}. Remove it from `capabilities.add`.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_39'],
      'kube-linter': ['privilege-escalation-container'],
      trivy: ['KSV-0005', 'KSV-0120', 'KSV-0119'],
      pss: ['baseline: Capabilities'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tools\nspec:\n  containers:\n  - name: tools\n    image: ghcr.io/acme/tools:1.0.3\n    securityContext:\n      capabilities:\n        add: ["SYS_ADMIN", "NET_RAW"]\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tools\nspec:\n  containers:\n  - name: tools\n    image: ghcr.io/acme/tools:1.0.3\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { file, document } = resource;
    for (const { container, capabilities, value, written, shared } of addedCapabilitiesOf(podSpec)) {
      const effect = DANGEROUS[canonical(value)];
      if (effect === undefined) continue;
      context.report({
        messageId: 'dangerous',
        data: { container: describeContainer(container), capability: value, effect },
        range: rangeOf(written),
        // An entry of a list written as an alias is shared with every other alias of it: no fix from here.
        ...(shared ? {} : { fix: { title: `Remove ${value} from capabilities.add`, edits: deleteSeqItem(file, document, capabilities, 'add', written) } }),
      });
    }
  },
};

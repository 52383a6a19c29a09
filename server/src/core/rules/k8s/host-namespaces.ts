import { describeResource } from '../../kubernetes/model';
import { podSpecOf } from '../../kubernetes/workloads';
import { pairRange, scalarValue } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** Pod spec fields that share a host namespace; each is also its message id. */
const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostNamespaces: KubernetesRule = {
  meta: {
    id: 'k8s/host-namespaces',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Pod shares a host namespace (network, PID or IPC)',
    rationale:
      'Sharing the node\'s namespaces removes a layer of isolation: with `hostNetwork` the pod sees every interface of the node and can reach services bound to localhost; with `hostPID` it sees (and with enough privilege signals or ptraces) every process on the node, including other pods\'; with `hostIPC` it can read shared memory of host processes. The Pod Security Standards baseline profile forbids all three.',
    remediation:
      'Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to `false`). Expose ports through a Service; node agents that need them belong in a dedicated, separately admitted namespace.',
    messages: {
      hostNetwork: '{resource} uses the node\'s network namespace (`hostNetwork: true`): it sees every interface of the node and services bound to localhost. Remove it.',
      hostPID: '{resource} shares the node\'s process namespace (`hostPID: true`): it sees every process on the node. Remove it.',
      hostIPC: '{resource} shares the node\'s IPC namespace (`hostIPC: true`): it can reach shared memory of host processes. Remove it.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_19', 'CKV_K8S_17', 'CKV_K8S_18'],
      'kube-linter': ['host-network', 'host-pid', 'host-ipc'],
      trivy: ['KSV-0009', 'KSV-0010', 'KSV-0008'],
      pss: ['baseline: Host Namespaces'],
      cis: ['5.2.5', '5.2.3', '5.2.4'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:1.27\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const field of HOST_NAMESPACE_FIELDS) {
      if (scalarValue(podSpec.node, field, resource.document) !== true) continue;
      context.report({
        messageId: field,
        data: { resource: describeResource(resource) },
        range: pairRange(podSpec.node, field)!,
        fix: { title: `Remove ${field}`, edits: deletePair(resource.file, podSpec.node, field) },
      });
    }
  },
};

import { containersOf, describeContainer, isWindowsPod, podSpecOf } from '../../kubernetes/workloads';
import { deepestKeyRange, dropCapabilityEdits } from '../../kubernetes/pod-security';
import { mapAt, stringItems, valueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

/** The runtime reads `all`, `ALL`, `cap_net_raw` and `NET_RAW` alike. */
function dropsNetRaw(value: string): boolean {
  const canonical = value.toUpperCase().replace(/^CAP_/, '');
  return canonical === 'ALL' || canonical === 'NET_RAW';
}

export const netRawNotDropped: KubernetesRule = {
  meta: {
    id: 'k8s/net-raw-not-dropped',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container keeps the NET_RAW capability',
    rationale:
      'Container runtimes grant `NET_RAW` by default. It lets a process open raw sockets, which is enough to spoof ARP and DNS replies to other pods on the same node; almost no application needs it (ping is the usual exception). Dropping `NET_RAW` (or `ALL`) removes that path cheaply. Windows pods have no Linux capabilities and are not checked.',
    remediation:
      'Add `NET_RAW` to `securityContext.capabilities.drop`, or better drop `ALL` and add back only what the process needs.',
    messages: {
      notDropped: '{container} keeps `NET_RAW` (raw sockets, for spoofing other pods\' traffic): `capabilities.drop` contains neither `NET_RAW` nor `ALL`. Add `NET_RAW` (or `ALL`) to `drop`.',
    },
    fix: 'safe',
    equivalents: {
      checkov: ['CKV_K8S_28'],
      'kube-linter': ['drop-net-raw-capability'],
      cis: ['5.2.8'],
    },
    references: ['https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ghcr.io/acme/web:2.1.0\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ghcr.io/acme/web:2.1.0\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec || isWindowsPod(podSpec)) return;
    const { document } = resource;
    for (const container of containersOf(podSpec)) {
      const dropNode = valueOf(mapAt(container.securityContext, ['capabilities'], document), 'drop', document);
      if (stringItems(dropNode, document).some(({ value }) => dropsNetRaw(value))) continue;
      context.report({
        messageId: 'notDropped',
        data: { container: describeContainer(container) },
        range: deepestKeyRange(container.node, ['securityContext', 'capabilities', 'drop'], container.anchorRange, document),
        fix: { title: 'Drop NET_RAW', edits: dropCapabilityEdits(container, dropNode, 'NET_RAW') },
      });
    }
  },
};

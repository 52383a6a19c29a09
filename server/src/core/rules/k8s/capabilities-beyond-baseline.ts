import { addedCapabilitiesOf } from '../../kubernetes/pod-security';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { rangeOf } from '../../yaml/yaml-document';
import { deleteSeqItem, replaceNode } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** Capabilities the Pod Security Standards baseline lets a container add (compared as written, case-sensitively). */
const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

export const capabilitiesBeyondBaseline: KubernetesRule = {
  meta: {
    id: 'k8s/capabilities-beyond-baseline',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Container adds a capability outside the baseline set',
    rationale:
      'Container runtimes grant a small default set of Linux capabilities; adding others (`NET_ADMIN`, `SYS_PTRACE`, `SYS_ADMIN`, …) hands the process kernel powers that routinely lead to container escapes or control of the node\'s network. The Pod Security Standards baseline profile allows `capabilities.add` to contain only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT, written exactly so, in every container (init and ephemeral ones included).',
    remediation:
      'Remove the capability from `securityContext.capabilities.add`. If the workload really needs it (a CNI plugin, a node agent), run it in a separate namespace admitted at the privileged level.',
    messages: {
      added: '{container} adds capability `{capability}`, which the Pod Security Standards baseline does not allow. Remove it from `capabilities.add`.',
      spelling: '{container} adds capability `{capability}`: the Pod Security Standards baseline compares names exactly and allows only `{canonical}`. Write `{canonical}`.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_25'],
      trivy: ['KSV-0022'],
      pss: ['baseline: Capabilities'],
      cis: ['5.2.9'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: vpn\nspec:\n  containers:\n  - name: vpn\n    image: ghcr.io/acme/vpn:2.1.0\n    securityContext:\n      capabilities:\n        add: ["NET_ADMIN"]\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ghcr.io/acme/web:2.1.0\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n        add: ["NET_BIND_SERVICE"]\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { file, document } = resource;
    for (const { container, capabilities, value, written, shared } of addedCapabilitiesOf(podSpec)) {
      if (BASELINE_CAPABILITIES.has(value)) continue;
      const canonical = value.toUpperCase().replace(/^CAP_/, '');
      if (BASELINE_CAPABILITIES.has(canonical)) {
        // `CAP_CHOWN` or `chown`: the runtime understands it, admission does not.
        context.report({
          messageId: 'spelling',
          data: { container: describeContainer(container), capability: value, canonical },
          range: rangeOf(written),
          // An entry of a list written as an alias is shared with every other alias of it: no fix from here.
          ...(shared ? {} : { fix: { title: `Write ${canonical}`, edits: [replaceNode(written, canonical)] } }),
        });
        continue;
      }
      context.report({
        messageId: 'added',
        data: { container: describeContainer(container), capability: value },
        range: rangeOf(written),
        ...(shared ? {} : { fix: { title: `Remove ${value} from capabilities.add`, edits: deleteSeqItem(file, document, capabilities, 'add', written) } }),
      });
    }
  },
};

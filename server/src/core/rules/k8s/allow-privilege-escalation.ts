import { containersOf, describeContainer, isWindowsPod, podSpecOf, type Container } from '../../kubernetes/workloads';
import { hasValue, mapAt, pairRange, scalarValue, sourceText, stringItems, valueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const FIELD = 'allowPrivilegeEscalation';

export const allowPrivilegeEscalation: KubernetesRule = {
  meta: {
    id: 'k8s/allow-privilege-escalation',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Container may gain more privileges than its parent process',
    rationale:
      'Unless `allowPrivilegeEscalation` is `false`, the kernel lets a process in the container gain privileges through setuid/setgid binaries or file capabilities (`no_new_privs` stays off), which turns many local exploits into root. The Pod Security Standards restricted profile requires `false` on every container, init and ephemeral ones included; pods with `spec.os.name: windows` are exempt.',
    remediation:
      'Set `securityContext.allowPrivilegeEscalation: false` on every container. Kubernetes rejects it on a privileged container or one that adds `SYS_ADMIN`: remove those first.',
    messages: {
      allowed: '{container} allows privilege escalation (`allowPrivilegeEscalation: {value}`). Set it to `false`.',
      unset: '{container} does not set `securityContext.allowPrivilegeEscalation: false`, so privilege escalation is allowed. Set it to `false`.',
    },
    fix: 'safe',
    equivalents: {
      checkov: ['CKV_K8S_20'],
      'kube-linter': ['privilege-escalation-container'],
      trivy: ['KSV-0001'],
      pss: ['restricted: Privilege Escalation'],
      cis: ['5.2.6'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec || isWindowsPod(podSpec)) return;
    for (const container of containersOf(podSpec)) {
      const { securityContext } = container;
      if (scalarValue(securityContext, FIELD, resource.document) === false) continue;
      // Kubernetes refuses `false` next to `privileged: true` or an added SYS_ADMIN: offer the
      // fix, but never apply it unattended there.
      const review = conflictsWithNoEscalation(container) ? { safe: false as const } : {};
      const title = 'Set allowPrivilegeEscalation: false';
      const value = valueOf(securityContext, FIELD, resource.document);
      if (hasValue(value)) {
        context.report({
          messageId: 'allowed',
          data: { container: describeContainer(container), value: sourceText(resource.file, value) },
          range: pairRange(securityContext!, FIELD)!,
          fix: { title, edits: setIn(resource.file, resource.document, securityContext!, [FIELD], 'false'), ...review },
        });
      } else {
        context.report({
          messageId: 'unset',
          data: { container: describeContainer(container) },
          range: container.anchorRange,
          fix: { title, edits: setIn(resource.file, resource.document, container.node, ['securityContext', FIELD], 'false'), ...review },
        });
      }
    }
  },
};

function conflictsWithNoEscalation(container: Container): boolean {
  const document = container.podSpec.resource.document;
  if (scalarValue(container.securityContext, 'privileged', document) === true) return true;
  const added = stringItems(valueOf(mapAt(container.securityContext, ['capabilities'], document), 'add', document), document);
  return added.some(({ value }) => value === 'SYS_ADMIN' || value === 'CAP_SYS_ADMIN');
}

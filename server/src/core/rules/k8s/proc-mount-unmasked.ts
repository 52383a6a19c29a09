import { isAtLeast, parseKubernetesVersion, USER_NAMESPACE_RELAXATION, usesUserNamespace } from '../../kubernetes/pod-security';
import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { hasValue, pairRange, sourceText, valueOf } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

export const procMountUnmasked: KubernetesRule = {
  meta: {
    id: 'k8s/proc-mount-unmasked',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Container unmasks /proc',
    rationale:
      'By default the runtime masks and makes read-only the parts of `/proc` that expose the host (`/proc/kcore`, `/proc/sys`, `/proc/sysrq-trigger`, …). `procMount: Unmasked` removes those masks, handing the container kernel memory and tunables of the node. The Pod Security Standards baseline requires `procMount` to be unset or `Default` on every container (init and ephemeral ones included); from Kubernetes 1.35 baseline lets pods with `hostUsers: false` unmask, but the restricted profile still does not, so those are reported as warnings.',
    remediation:
      'Remove `securityContext.procMount` (or set it to `Default`). Nested container builds that need an unmasked `/proc` should run with `hostUsers: false` in a namespace admitted at the baseline level.',
    messages: {
      unmasked: '{container} sets `procMount: {value}`, exposing the node\'s /proc to the container. Remove it (or set `Default`).',
      userNamespace: '{container} sets `procMount: {value}`. Its pod runs in a user namespace (`hostUsers: false`), so the baseline profile allows it, but the restricted profile does not. Remove it unless the workload needs an unmasked /proc.',
    },
    fix: 'suggestion',
    equivalents: {
      'kube-linter': ['unsafe-proc-mount'],
      trivy: ['KSV-0027'],
      pss: ['baseline: /proc Mount Type', 'restricted: /proc Mount Type'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\nspec:\n  containers:\n  - name: builder\n    image: moby/buildkit:v0.16.0-rootless\n    securityContext:\n      procMount: Unmasked\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\nspec:\n  containers:\n  - name: builder\n    image: moby/buildkit:v0.16.0-rootless\n    securityContext:\n      procMount: Default\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { file, document } = resource;
    const relaxed = usesUserNamespace(podSpec) && isAtLeast(parseKubernetesVersion(context.options.kubernetesVersion), USER_NAMESPACE_RELAXATION);
    for (const container of containersOf(podSpec)) {
      const value = valueOf(container.securityContext, 'procMount', document);
      if (!hasValue(value) || (value as { value?: unknown }).value === 'Default') continue;
      context.report({
        messageId: relaxed ? 'userNamespace' : 'unmasked',
        data: { container: describeContainer(container), value: sourceText(file, value) },
        range: pairRange(container.securityContext!, 'procMount')!,
        ...(relaxed ? { severity: 'warning' as const } : {}),
        fix: { title: 'Remove procMount', edits: deletePair(file, container.securityContext!, 'procMount') },
      });
    }
  },
};

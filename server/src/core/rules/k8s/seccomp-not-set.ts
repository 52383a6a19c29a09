import { describeResource } from '../../kubernetes/model';
import { deepestKeyRange, isAtLeast, parseKubernetesVersion } from '../../kubernetes/pod-security';
import { containersOf, isWindowsPod, podSpecOf } from '../../kubernetes/workloads';
import { hasKey, mapAt } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** The restricted profile requires a seccomp profile from this minor version; Windows pods are exempt from 1.25. */
const SECCOMP_REQUIRED = 19;
const WINDOWS_EXEMPT = 25;

export const seccompNotSet: KubernetesRule = {
  meta: {
    id: 'k8s/seccomp-not-set',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Pod does not set a seccomp profile',
    rationale:
      'Unless a seccomp profile is requested, most clusters run containers `Unconfined`: every system call is available, including the rarely used ones most kernel exploits need. The Pod Security Standards restricted profile requires `seccompProfile.type` `RuntimeDefault` or `Localhost` at pod level, or on every container (init and ephemeral ones included) when the pod sets none. Pods with `spec.os.name: windows` are exempt. Explicitly unconfined profiles are reported by `k8s/seccomp-unconfined`.',
    remediation:
      'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec; it applies to every container. The runtime\'s default profile blocks only calls ordinary applications do not make.',
    messages: {
      unset: '{resource} sets no seccomp profile for {containers}, and most clusters then apply no seccomp filter at all. Set `securityContext.seccompProfile.type: RuntimeDefault` for the pod.',
    },
    fix: 'safe',
    equivalents: {
      checkov: ['CKV_K8S_31'],
      trivy: ['KSV-0030'],
      pss: ['restricted: Seccomp'],
      cis: ['5.7.2'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted', 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const version = parseKubernetesVersion(context.options.kubernetesVersion);
    if (!isAtLeast(version, SECCOMP_REQUIRED) || (isWindowsPod(podSpec) && isAtLeast(version, WINDOWS_EXEMPT))) return;
    const { document } = resource;
    // A pod-level type, valid or not, is what containers inherit; a bad one is seccomp-unconfined's finding.
    if (hasKey(mapAt(podSpec.securityContext, ['seccompProfile'], document), 'type', document)) return;
    const unset = containersOf(podSpec)
      .filter((container) => !hasKey(mapAt(container.securityContext, ['seccompProfile'], document), 'type', document))
      .map((container) => (container.name !== undefined ? `\`${container.name}\`` : `#${container.index + 1}`));
    if (unset.length === 0) return;
    context.report({
      messageId: 'unset',
      data: { resource: describeResource(resource), containers: `${unset.length === 1 ? 'container' : 'containers'} ${unset.join(', ')}` },
      range: deepestKeyRange(podSpec.node, ['securityContext', 'seccompProfile'], podSpec.anchorRange, document),
      fix: { title: 'Set seccompProfile.type: RuntimeDefault for the pod', edits: setIn(resource.file, document, podSpec.node, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault') },
    });
  },
};

import { describeResource } from '../../kubernetes/model';
import { isAtLeast, parseKubernetesVersion, USER_NAMESPACE_RELAXATION, usesUserNamespace } from '../../kubernetes/pod-security';
import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { keyRange, pairOf, pairRange, scalarValue } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const FIELD = 'runAsNonRoot';

export const runAsNonRoot: KubernetesRule = {
  meta: {
    id: 'k8s/run-as-non-root',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Pod may run containers as root',
    rationale:
      'Without `runAsNonRoot: true` the kubelet starts a container as whatever user its image names, usually root, so a compromised process owns the container\'s files and is one kernel bug away from the node. The Pod Security Standards restricted profile requires `runAsNonRoot: true` at pod level (or on every container), and forbids an explicit `false` anywhere. Pods with `spec.hostUsers: false` run in a user namespace and are exempt (as from Kubernetes 1.35).',
    remediation:
      'Set `securityContext.runAsNonRoot: true` in the pod spec, remove container-level `runAsNonRoot: false`, and make sure the image runs as a numeric non-root user (`USER 10001`) or set `runAsUser`.',
    messages: {
      podFalse: '{resource} sets `runAsNonRoot: false` for the whole pod. Set it to `true` so no container can run as root.',
      containerFalse: '{container} sets `runAsNonRoot: false`. Set it to `true` (or remove it and set `runAsNonRoot: true` for the pod).',
      unset: '{resource} does not require non-root users: {containers} may run as root. Set `securityContext.runAsNonRoot: true` for the pod.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_23'],
      'kube-linter': ['run-as-non-root'],
      trivy: ['KSV-0012'],
      pss: ['restricted: Running as Non-root'],
      cis: ['5.2.7'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec || (usesUserNamespace(podSpec) && isAtLeast(parseKubernetesVersion(context.options.kubernetesVersion), USER_NAMESPACE_RELAXATION))) return;
    const { document } = resource;
    const podValue = scalarValue(podSpec.securityContext, FIELD, document);
    const setTrue = { title: 'Set runAsNonRoot: true (the image must run as a non-root user)' };
    if (podValue === false) {
      context.report({
        messageId: 'podFalse',
        data: { resource: describeResource(resource) },
        range: pairRange(podSpec.securityContext!, FIELD)!,
        fix: { ...setTrue, edits: setIn(resource.file, document, podSpec.securityContext!, [FIELD], 'true') },
      });
    }
    const unset: string[] = [];
    for (const container of containersOf(podSpec)) {
      const value = scalarValue(container.securityContext, FIELD, document);
      if (value === false) {
        context.report({
          messageId: 'containerFalse',
          data: { container: describeContainer(container) },
          range: pairRange(container.securityContext!, FIELD)!,
          fix: { ...setTrue, edits: setIn(resource.file, document, container.securityContext!, [FIELD], 'true') },
        });
      } else if (value !== true) {
        unset.push(container.name !== undefined ? `\`${container.name}\`` : `#${container.index + 1}`);
      }
    }
    if (podValue === true || podValue === false || unset.length === 0) return;
    context.report({
      messageId: 'unset',
      data: { resource: describeResource(resource), containers: `${unset.length === 1 ? 'container' : 'containers'} ${unset.join(', ')}` },
      range: pairOf(podSpec.node, 'securityContext') ? keyRange(podSpec.node, 'securityContext') : podSpec.anchorRange,
      fix: { ...setTrue, edits: setIn(resource.file, document, podSpec.node, ['securityContext', FIELD], 'true') },
    });
  },
};

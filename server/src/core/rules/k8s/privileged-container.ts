import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { pairRange, scalarValue } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

export const privilegedContainer: KubernetesRule = {
  meta: {
    id: 'k8s/privileged-container',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Container runs privileged',
    rationale:
      'A privileged container gets every capability and all host devices, and most isolation between it and the node is switched off: whoever controls the process controls the node. The Pod Security Standards baseline profile forbids it.',
    remediation:
      'Remove `securityContext.privileged: true` (or set it to `false`) and grant only the specific capabilities the workload needs with `capabilities.add`.',
    messages: {
      privileged: '{container} runs privileged (`privileged: true`). Set `privileged: false` and add only the capabilities it needs.',
    },
    fix: 'safe',
    equivalents: {
      checkov: ['CKV_K8S_16'],
      'kube-linter': ['privileged-container'],
      trivy: ['KSV-0017'],
      pss: ['baseline: Privileged Containers'],
      cis: ['5.2.2'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: false\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const container of containersOf(podSpec)) {
      if (scalarValue(container.securityContext, 'privileged', resource.document) !== true) continue;
      context.report({
        messageId: 'privileged',
        data: { container: describeContainer(container) },
        range: pairRange(container.securityContext!, 'privileged')!,
        fix: { title: 'Set privileged: false', edits: setIn(resource.file, resource.document, container.securityContext!, ['privileged'], 'false') },
      });
    }
  },
};

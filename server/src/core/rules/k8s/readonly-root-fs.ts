import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { hasValue, pairRange, scalarValue, sourceText, valueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const FIELD = 'readOnlyRootFilesystem';

export const readonlyRootFs: KubernetesRule = {
  meta: {
    id: 'k8s/readonly-root-fs',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Container can write to its root filesystem',
    rationale:
      'A writable root filesystem lets an attacker who gets code execution drop tools, modify binaries and configuration, and persist for the life of the container. With `readOnlyRootFilesystem: true` the image stays as built and writes go only to volumes you declare.',
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume at each path the application must write (e.g. `/tmp`, caches).',
    messages: {
      writable: '{container} sets `readOnlyRootFilesystem: {value}`, so its root filesystem is writable. Set it to `true` and mount `emptyDir` volumes where it must write.',
      unset: '{container} does not set `securityContext.readOnlyRootFilesystem: true`, so its root filesystem is writable. Set it, and mount `emptyDir` volumes where it must write.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_22'],
      'kube-linter': ['no-read-only-root-fs'],
      trivy: ['KSV-0014'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const container of containersOf(podSpec)) {
      const { securityContext } = container;
      if (scalarValue(securityContext, FIELD, resource.document) === true) continue;
      const title = 'Set readOnlyRootFilesystem: true (check the paths the container writes)';
      const value = valueOf(securityContext, FIELD, resource.document);
      if (hasValue(value)) {
        context.report({
          messageId: 'writable',
          data: { container: describeContainer(container), value: sourceText(resource.file, value) },
          range: pairRange(securityContext!, FIELD)!,
          fix: { title, edits: setIn(resource.file, resource.document, securityContext!, [FIELD], 'true') },
        });
      } else {
        context.report({
          messageId: 'unset',
          data: { container: describeContainer(container) },
          range: container.anchorRange,
          fix: { title, edits: setIn(resource.file, resource.document, container.node, ['securityContext', FIELD], 'true') },
        });
      }
    }
  },
};

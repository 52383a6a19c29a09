import { mapAt, pairRange, stringValue } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const LEVELS = new Set(['privileged', 'baseline', 'restricted']);

/** The cluster's own namespaces: they run system components that no Pod Security level but `privileged` admits. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export const psaLabelMissing: KubernetesRule = {
  meta: {
    id: 'k8s/psa-label-missing',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Namespace does not enforce a Pod Security Standard',
    rationale:
      'Pod Security admission enforces the Pod Security Standards per namespace, through the label `pod-security.kubernetes.io/enforce`. Without it the namespace falls back to the cluster\'s default, which is `privileged` (nothing enforced) unless an administrator configured otherwise, so a pod that shares the node\'s namespaces or runs privileged is admitted. `kube-system`, `kube-public` and `kube-node-lease` are not reported. A label whose value is not a level is reported too: the API server rejects it.',
    remediation:
      'Label the namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline` when its workloads cannot meet restricted yet). Adding `pod-security.kubernetes.io/enforce-version` pins the rules to a Kubernetes version; `warn` and `audit` labels let you try a stricter level first.',
    messages: {
      missing: 'Namespace `{namespace}` has no `pod-security.kubernetes.io/enforce` label, so Pod Security admission enforces nothing there by default. Label it `restricted` (or `baseline`).',
      invalid: 'Namespace `{namespace}` sets `pod-security.kubernetes.io/enforce: {value}`, which is not a Pod Security level. Use `restricted`, `baseline` or `privileged`.',
    },
    fix: 'suggestion',
    equivalents: {
      pss: ['pod-security.kubernetes.io/enforce'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces'],
    example: {
      insecure: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      secure: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'Namespace' || (resource.name !== undefined && SYSTEM_NAMESPACES.has(resource.name))) return;
    const { document, file, node } = resource;
    const metadata = mapAt(node, ['metadata'], document);
    const labels = mapAt(metadata, ['labels'], document);
    const namespace = resource.name ?? '(unnamed)';
    const value = stringValue(labels, ENFORCE, document);
    if (value !== undefined && value.trim() !== '') {
      if (LEVELS.has(value.trim())) return;
      context.report({ messageId: 'invalid', data: { namespace, value }, range: pairRange(labels!, ENFORCE)! });
      return;
    }
    context.report({
      messageId: 'missing',
      data: { namespace },
      range: resource.nameRange,
      fix: { title: 'Enforce the restricted Pod Security Standard (check the namespace\'s pods meet it)', edits: setIn(file, document, node, ['metadata', 'labels', ENFORCE], 'restricted') },
    });
  },
};

import type { CrossFileRule } from '../define';

export const namespaceQuotas: CrossFileRule = {
  meta: {
    id: 'k8s/namespace-quotas',
    target: 'kubernetes',
    scope: 'workspace',
    defaultSeverity: 'info',
    title: 'Namespace without LimitRange or ResourceQuota',
    rationale:
      'A namespace without a ResourceQuota lets one runaway or compromised workload take every CPU, memory and object count the cluster has; without a LimitRange, containers that set no limits get none. Bulkhead looks for both in the namespace anywhere in the workspace.',
    remediation: 'Add a ResourceQuota and a LimitRange to the namespace (sized for its workloads).',
    messages: {
      missing: 'Namespace `{name}` has no {missing} in the workspace: its workloads can use unbounded resources. Add one.',
    },
    fix: 'none',
    equivalents: { trivy: ['KSV-0039', 'KSV-0040'] },
    example: {
      insecure: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      secure: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: shop-quota\n  namespace: shop\nspec:\n  hard: {requests.cpu: "4", requests.memory: 8Gi, limits.cpu: "8", limits.memory: 16Gi}\n---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: shop-limits\n  namespace: shop\nspec:\n  limits:\n    - type: Container\n      default: {cpu: 500m, memory: 512Mi}\n',
    },
  },
  check({ object, workspace }, context) {
    if (object.kind !== 'Namespace' || object.name === undefined) return;
    const missing = ['LimitRange', 'ResourceQuota'].filter((kind) => !workspace.ofKind(kind).some(({ object: other }) => other.namespace === object.name));
    if (missing.length === 0) return;
    context.report({ messageId: 'missing', data: { name: object.name, missing: missing.join(' or ') }, range: object.anchorRange });
  },
};

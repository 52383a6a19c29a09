import type { CrossFileRule } from '../define';

export const nonExistentSa: CrossFileRule = {
  meta: {
    id: 'k8s/non-existent-sa',
    target: 'kubernetes',
    scope: 'workspace',
    defaultSeverity: 'info',
    title: 'ServiceAccount not found in the workspace',
    rationale:
      'A pod that names a ServiceAccount which does not exist is not created at all, or — after someone creates an account of that name by hand — runs with permissions nobody reviewed. Bulkhead looks for the ServiceAccount in the same namespace anywhere in the workspace; it is information only, since accounts can come from other repositories.',
    remediation: 'Add the ServiceAccount manifest next to the workload (with `automountServiceAccountToken: false` unless the pod calls the API), or fix the name.',
    messages: {
      missing: '{from} uses ServiceAccount `{name}`, which no manifest in the workspace defines{namespace}. Add it, or fix the name.',
    },
    fix: 'none',
    equivalents: { 'kube-linter': ['non-existent-service-account'] },
    example: {
      insecure: 'spec:\n  template:\n    spec:\n      serviceAccountName: api-runner   # defined nowhere\n',
      secure: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api-runner\nautomountServiceAccountToken: false\n',
    },
  },
  check({ object, workspace }, context) {
    for (const reference of object.references) {
      if (reference.kind !== 'ServiceAccount' || reference.name === 'default') continue;
      const exists = workspace.ofKind('ServiceAccount').some(({ object: account }) => account.name === reference.name && account.namespace === object.namespace);
      if (exists) continue;
      context.report({
        messageId: 'missing',
        data: { from: reference.from, name: reference.name, namespace: object.namespace ? ` in namespace \`${object.namespace}\`` : '' },
        range: reference.range,
      });
    }
  },
};

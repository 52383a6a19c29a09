/** The cross-file rules, each analysed against a small workspace of other manifests. */
import { envValueFromMissing } from '../../../server/src/core/rules/k8s/env-value-from-missing';
import { namespaceQuotas } from '../../../server/src/core/rules/k8s/namespace-quotas';
import { networkpolicyCoverage } from '../../../server/src/core/rules/k8s/networkpolicy-coverage';
import { nonExistentSa } from '../../../server/src/core/rules/k8s/non-existent-sa';
import { rbacBindingDangerousRole } from '../../../server/src/core/rules/k8s/rbac-binding-dangerous-role';
import { testRule } from '../../support/rule-tester';

const deployment = (extraPodSpec = '', namespace = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels:
        app: api
        tier: backend
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
${extraPodSpec}`;

const policy = (selector: string, namespace = 'shop') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: ${namespace}
spec:
  podSelector: ${selector}
  policyTypes: [Ingress]
`;

testRule(networkpolicyCoverage, {
  valid: [
    { name: 'a namespace-wide default-deny elsewhere covers it', text: deployment(), workspace: { 'netpol.yaml': policy('{}') } },
    { name: 'matchLabels subset', text: deployment(), workspace: { 'netpol.yaml': policy('{matchLabels: {app: api}}') } },
    { name: 'matchExpressions In', text: deployment(), workspace: { 'netpol.yaml': policy('{matchExpressions: [{key: tier, operator: In, values: [backend, db]}]}') } },
    { name: 'a policy in the same file', text: `${deployment()}---\n${policy('{}')}` },
    { name: 'not a workload', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
  ],
  invalid: [
    {
      name: 'no policy at all',
      text: deployment(),
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 5, messageId: 'uncovered', messageIncludes: ['Deployment `api`', 'namespace `shop`'] }],
    },
    {
      name: 'a policy in another namespace',
      text: deployment(),
      workspace: { 'netpol.yaml': policy('{}', 'other') },
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 5, messageId: 'uncovered' }],
    },
    {
      name: 'a selector that does not match',
      text: deployment(),
      workspace: { 'netpol.yaml': policy('{matchLabels: {app: web}}') },
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 5, messageId: 'uncovered' }],
    },
    {
      name: 'NotIn excludes it',
      text: deployment(),
      workspace: { 'netpol.yaml': policy('{matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]}') },
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 5, messageId: 'uncovered' }],
    },
  ],
});

testRule(nonExistentSa, {
  valid: [
    { name: 'the account exists in another file', text: deployment('      serviceAccountName: api-runner\n'), workspace: { 'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api-runner\n  namespace: shop\n' } },
    { name: 'default is always there', text: deployment('      serviceAccountName: default\n') },
    { name: 'no account named', text: deployment() },
  ],
  invalid: [
    {
      name: 'named account missing',
      text: deployment('      serviceAccountName: api-runner\n'),
      workspace: { 'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api-runner\n  namespace: other\n' },
      findings: [{ line: 16, column: 27, endLine: 16, endColumn: 37, messageId: 'missing', messageIncludes: ['`api-runner`', 'namespace `shop`'] }],
    },
    {
      name: 'the deprecated serviceAccount field counts too',
      text: deployment('      serviceAccount: ghost\n'),
      findings: [{ line: 16, column: 23, endLine: 16, endColumn: 28, messageId: 'missing' }],
    },
  ],
});

const envFrom = (reference: string) => `          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                ${reference}\n`;

testRule(envValueFromMissing, {
  valid: [
    {
      name: 'Secret with the key in the workspace',
      text: deployment(envFrom('secretKeyRef: {name: db, key: password}')),
      workspace: { 'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\nstringData:\n  password: ""\n' },
    },
    {
      name: 'an ExternalSecret produces the Secret (its keys are unknown)',
      text: deployment(envFrom('secretKeyRef: {name: db, key: password}')),
      workspace: { 'es.yaml': 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\n  namespace: shop\n' },
    },
    { name: 'optional references may be missing', text: deployment(envFrom('secretKeyRef: {name: db, key: password, optional: true}')) },
  ],
  invalid: [
    {
      name: 'Secret missing',
      text: deployment(envFrom('secretKeyRef: {name: db, key: password}')),
      findings: [{ line: 19, column: 38, endLine: 19, endColumn: 40, messageId: 'missingObject', messageIncludes: ['Container `api` in Deployment `api`', 'Secret `db`'] }],
    },
    {
      name: 'key missing from the ConfigMap',
      text: deployment(envFrom('configMapKeyRef: {name: settings, key: colour}')),
      workspace: { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  color: blue\n' },
      findings: [{ line: 19, column: 41, endLine: 19, endColumn: 49, messageId: 'missingKey', messageIncludes: ['`colour`'] }],
    },
  ],
});

testRule(namespaceQuotas, {
  valid: [
    {
      name: 'both in the workspace',
      text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      workspace: {
        'quota.yaml': 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n  namespace: shop\n---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\n  namespace: shop\n',
      },
    },
  ],
  invalid: [
    {
      name: 'neither',
      text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 5, messageId: 'missing', messageIncludes: ['LimitRange or ResourceQuota'] }],
    },
    {
      name: 'only a quota',
      text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      workspace: { 'quota.yaml': 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n  namespace: shop\n' },
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 5, messageId: 'missing', messageIncludes: ['no LimitRange in'] }],
    },
  ],
});

const SECRET_READER = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: secret-reader\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get]\n  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [get, list]\n';
const binding = (subject: string, role = 'secret-reader', kind = 'Role') => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${kind}
  name: ${role}
subjects:
  - kind: ServiceAccount
    name: ${subject}
    namespace: shop
`;

testRule(rbacBindingDangerousRole, {
  valid: [
    { name: 'a narrow role', text: binding('ci', 'config-reader'), workspace: { 'role.yaml': SECRET_READER.replace('secret-reader', 'config-reader').replace('[secrets]', '[configmaps]') } },
    { name: 'secrets narrowed by resourceNames', text: binding('ci'), workspace: { 'role.yaml': SECRET_READER.replace('verbs: [get, list]\n', 'verbs: [get, list]\n    resourceNames: [ci-token]\n') } },
    { name: 'the role is not in the workspace', text: binding('ci') },
    { name: 'a Role of another namespace', text: binding('ci'), workspace: { 'role.yaml': SECRET_READER.replace('namespace: shop', 'namespace: other') } },
  ],
  invalid: [
    {
      name: 'the second rule of the Role (in another file) reads Secrets',
      text: binding('ci'),
      workspace: { 'role.yaml': SECRET_READER },
      findings: [{ line: 9, column: 9, endLine: 9, endColumn: 22, messageId: 'dangerous', severity: 'warning', messageIncludes: ['RoleBinding `ci`', 'ServiceAccount `ci`', 'read Secrets'] }],
    },
    {
      name: 'the default ServiceAccount bound to a wildcard ClusterRole',
      text: binding('default', 'admin-all', 'ClusterRole'),
      workspace: { 'cluster-role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: admin-all\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n' },
      findings: [{ line: 9, column: 9, endLine: 9, endColumn: 18, messageId: 'defaultAccount', severity: 'error', messageIncludes: ['do anything'] }],
    },
  ],
});

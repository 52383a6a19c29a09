import { defaultSaBound } from '../../../server/src/core/rules/k8s/default-sa-bound';
import { testRule } from '../../support/rule-tester';

testRule(defaultSaBound, {
  valid: [
    { fixture: 'pass-dedicated.yaml', name: 'a dedicated account; a User named default; a ServiceAccount is not a binding' },
  ],
  invalid: [
    {
      fixture: 'fail-multi-document.yaml',
      name: 'a RoleBinding (namespace from the binding) and a flow-style ClusterRoleBinding',
      findings: [
        { line: 8, column: 9, endLine: 8, endColumn: 16, messageId: 'bound', messageIncludes: ['RoleBinding `read-config` grants Role `config-reader`', 'of namespace `shop`'], severity: 'warning' },
        { line: 21, column: 41, endLine: 21, endColumn: 48, messageId: 'bound', messageIncludes: ['ClusterRoleBinding `monitoring` grants ClusterRole `view`', 'of namespace `monitoring`'] },
      ],
      noFix: true,
    },
    {
      name: 'no roleRef, no namespace anywhere',
      text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\nsubjects:\n- {kind: ServiceAccount, name: default}\n',
      findings: [{ line: 6, column: 32, endLine: 6, endColumn: 39, messageId: 'bound', messageIncludes: ['grants its role to the `default` service account, and'] }],
      noFix: true,
    },
  ],
});

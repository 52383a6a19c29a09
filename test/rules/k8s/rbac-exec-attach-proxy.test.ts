import { rbacExecAttachProxy } from '../../../server/src/core/rules/k8s/rbac-exec-attach-proxy';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_PODS, role } from './rbac-samples';

const nodeProxy = { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] };
const clusterProxy = role('ClusterRole', [READ_PODS, nodeProxy]);
const execGet = role('Role', [READ_PODS, READ_PODS, { apiGroups: [''], resources: ['pods/exec'], verbs: ['get'] }]);
const subresourceWildcard = role('Role', [{ apiGroups: ['*'], resources: ['*/attach'], verbs: ['create'] }]);
const allResources = role('Role', [{ apiGroups: [''], resources: ['*'], verbs: ['create'] }]);

testRule(rbacExecAttachProxy, {
  valid: [
    { fixture: 'pass-logs-only.yaml' },
    { name: '`pods` does not grant `pods/exec`', text: role('Role', [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }]) },
    { name: 'a Role cannot grant the cluster-scoped `nodes/proxy`', text: role('Role', [nodeProxy]) },
    { name: 'listing exec is not opening it', text: role('Role', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['list', 'watch'] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [EVERYTHING]) },
  ],
  invalid: [
    {
      name: 'ClusterRole: `nodes/proxy` in the second rule',
      text: clusterProxy,
      findings: [{ ...itemAt(clusterProxy, 10, 'nodes/proxy'), messageId: 'access', severity: 'error', messageIncludes: ['Rule #2 of ClusterRole `r`', '`get` on `nodes/proxy`'] }],
      noFix: true,
    },
    {
      name: '`get` on `pods/exec` (WebSocket exec), third rule',
      text: execGet,
      findings: [{ ...itemAt(execGet, 13, 'pods/exec'), messageId: 'access' }],
    },
    {
      name: '`*/attach` matches the attach subresource of every resource',
      text: subresourceWildcard,
      findings: [{ ...itemAt(subresourceWildcard, 7, '*/attach'), messageId: 'access', messageIncludes: ['`pods/attach`'] }],
    },
    {
      name: '`*` resources: points at the verb',
      text: allResources,
      findings: [{ ...itemAt(allResources, 8, 'create'), messageId: 'access', messageIncludes: ['`pods/exec`, `pods/attach`'] }],
    },
    {
      fixture: 'fail-debugger.yaml',
      findings: [{ line: 11, column: 17, endLine: 11, endColumn: 28, messageId: 'access', messageIncludes: ['Rule #2 of Role `debugger`', '`create` on `pods/exec`, `pods/attach`'] }],
      noFix: true,
    },
  ],
});

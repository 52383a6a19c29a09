import { rbacMiscSensitive } from '../../../server/src/core/rules/k8s/rbac-misc-sensitive';
import { testRule } from '../../support/rule-tester';
import { EVERYTHING, itemAt, READ_PODS, role } from './rbac-samples';

const servicesStatus = role('ClusterRole', [READ_PODS, READ_PODS, { apiGroups: [''], resources: ['services/status'], verbs: ['patch'] }]);
const podLogs = role('Role', [READ_PODS, { apiGroups: [''], resources: ['pods/log'], verbs: ['delete'] }]);
const configmaps = role('Role', [{ apiGroups: ['*'], resources: ['configmaps'], verbs: ['create', 'get'] }]);
const otherConfigMap = role('Role', [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['app-config'], verbs: ['update'] }]);
const networking = role('ClusterRole', [{ apiGroups: ['', 'networking.k8s.io', 'discovery.k8s.io'], resources: ['services', 'ingresses', 'endpointslices'], verbs: ['update'] }]);

testRule(rbacMiscSensitive, {
  valid: [
    { fixture: 'pass-read-only.yaml' },
    { name: 'ingresses in the core group do not exist', text: role('Role', [{ apiGroups: [''], resources: ['ingresses'], verbs: ['create'] }]) },
    { name: 'full wildcards are left to k8s/rbac-wildcard', text: role('ClusterRole', [EVERYTHING]) },
  ],
  invalid: [
    {
      name: '`services/status` patch, third rule (CVE-2020-8554)',
      text: servicesStatus,
      findings: [{ ...itemAt(servicesStatus, 13, 'services/status'), messageId: 'servicesStatus', severity: 'warning', messageIncludes: ['Rule #3 of ClusterRole `r`', 'CVE-2020-8554'] }],
      noFix: true,
    },
    { name: 'deleting pod logs', text: podLogs, findings: [{ ...itemAt(podLogs, 10, 'pods/log'), messageId: 'podLogs', messageIncludes: ['delete `pods/log`'] }] },
    { name: 'writing ConfigMaps in `*` groups', text: configmaps, findings: [{ ...itemAt(configmaps, 7, 'configmaps'), messageId: 'configmaps', messageIncludes: ['create ConfigMaps'] }] },
    { name: 'a named ConfigMap other than aws-auth is still a ConfigMap write', text: otherConfigMap, findings: [{ ...itemAt(otherConfigMap, 7, 'configmaps'), messageId: 'configmaps' }] },
    {
      name: 'networking resources across their groups, one finding',
      text: networking,
      findings: [{ ...itemAt(networking, 7, 'services'), messageId: 'networking', messageIncludes: ['update services, endpointslices, ingresses'] }],
    },
    {
      fixture: 'fail-eks-admin.yaml',
      findings: [
        { line: 11, column: 17, endLine: 11, endColumn: 29, messageId: 'awsAuth', severity: 'error', messageIncludes: ['Rule #2 of Role `eks-admin`', 'update/patch the `aws-auth` ConfigMap'] },
        { line: 15, column: 17, endLine: 15, endColumn: 34, messageId: 'networking', severity: 'warning', messageIncludes: ['Rule #3', 'delete networkpolicies'] },
      ],
      noFix: true,
    },
  ],
});

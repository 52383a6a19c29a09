import { CORE_GROUP, describePolicyRule, grantRange, grantsOf, type Permission } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

const VERBS = ['create', 'update', 'patch'];
const WORKLOADS: readonly Permission[] = [
  { groups: [CORE_GROUP], resources: ['pods', 'replicationcontrollers'], verbs: VERBS },
  { groups: ['apps'], resources: ['deployments', 'statefulsets', 'replicasets', 'daemonsets'], verbs: VERBS },
  { groups: ['extensions'], resources: ['deployments', 'replicasets', 'daemonsets'], verbs: VERBS },
  { groups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: VERBS },
];

export const rbacWorkloadCreate: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-workload-create',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'RBAC rule allows creating or changing workloads',
    rationale:
      'Whoever can create a pod — directly or through a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob — can run any image with any service account of the namespace, mount its Secrets, and, unless Pod Security Admission stops it, run privileged on a node. Updating or patching a workload\'s pod template does the same. `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Keep workload creation with deployment pipelines and operators. Where a subject needs it, scope it to one namespace with a Role (not a ClusterRole) and enforce the `restricted` Pod Security Standard on that namespace.',
    messages: {
      create: '{rule} lets its subjects {verbs} {resources}: they can run any image with any service account of the namespace. Remove the grant, or confine it to a namespace that enforces Pod Security Admission.',
    },
    fix: 'none',
    equivalents: { 'kube-linter': ['access-to-create-pods'], trivy: ['KSV-0048'], cis: ['5.1.4'] },
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ci\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "create", "patch"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ci\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch"]',
    },
  },
  check(resource, context) {
    for (const grant of grantsOf(resource, WORKLOADS)) {
      context.report({
        messageId: 'create',
        data: { rule: describePolicyRule(grant.rule), verbs: grant.grantedVerbs.join('/'), resources: grant.grantedResources.join(', ') },
        range: grantRange(grant, 'resource'),
      });
    }
  },
};

import { describeResource } from '../../kubernetes/model';
import { asMap, mapAt, rangeOf, seqItems, stringValue, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export const defaultSaBound: KubernetesRule = {
  meta: {
    id: 'k8s/default-sa-bound',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'A role is bound to a `default` service account',
    rationale:
      'Every pod in a namespace that names no service account runs as that namespace\'s `default` account. A RoleBinding or ClusterRoleBinding to `default` therefore grants its permissions to all of those pods, including ones deployed later for unrelated purposes, and their API calls cannot be told apart in the audit log.',
    remediation:
      'Create a dedicated ServiceAccount for the workload that needs the permissions, bind the role to it instead of `default`, and set `serviceAccountName` in that workload\'s pod spec.',
    messages: {
      bound: '{resource} grants {role} to the `default` service account{namespace}, and so to every pod there that names no service account. Bind a dedicated service account instead.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_42'],
      cis: ['5.1.5'],
    },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#service-account-permissions'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read-config\n  namespace: shop\nsubjects:\n- kind: ServiceAccount\n  name: default\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: config-reader\n',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read-config\n  namespace: shop\nsubjects:\n- kind: ServiceAccount\n  name: checkout\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: config-reader\n',
    },
  },
  check(resource, context) {
    if (!BINDING_KINDS.has(resource.kind)) return;
    const { document, node } = resource;
    const roleRef = mapAt(node, ['roleRef'], document);
    const roleName = stringValue(roleRef, 'name', document);
    const role = roleName === undefined ? 'its role' : `${stringValue(roleRef, 'kind', document) ?? 'role'} \`${roleName}\``;
    for (const item of seqItems(valueOf(node, 'subjects', document), document)) {
      const subject = asMap(item);
      if (stringValue(subject, 'kind', document) !== 'ServiceAccount' || stringValue(subject, 'name', document)?.trim() !== 'default') continue;
      const namespace = stringValue(subject, 'namespace', document) ?? resource.namespace;
      context.report({
        messageId: 'bound',
        data: { resource: describeResource(resource), role, namespace: namespace ? ` of namespace \`${namespace}\`` : '' },
        range: rangeOf(writtenValueOf(subject, 'name')!),
      });
    }
  },
};

import { describeResource } from '../../kubernetes/model';
import { mapAt, rangeOf, stringValue, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

const KUBE_SYSTEM = 'kube-system';

/**
 * RBAC objects in `kube-system` are how add-ons are granted read access to its configuration
 * (e.g. the `extension-apiserver-authentication-reader` Role every aggregated API server binds to).
 */
const EXEMPT_KINDS = new Set(['Role', 'RoleBinding']);

export const kubeSystemNamespace: KubernetesRule = {
  meta: {
    id: 'k8s/kube-system-namespace',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Resource is deployed into `kube-system`',
    rationale:
      '`kube-system` holds the cluster\'s own components, and it is usually exempt from Pod Security admission and admission policies and full of highly privileged service accounts and secrets. An application deployed there runs next to those credentials with none of the guard rails of a normal namespace, and anyone allowed to deploy it there can read them. Roles and RoleBindings are not reported: binding to roles in `kube-system` is how add-ons get read access to cluster configuration.',
    remediation:
      'Deploy the workload into a namespace of its own. Only cluster add-ons that must run there (and are installed by the cluster\'s administrators) belong in `kube-system`.',
    messages: {
      kubeSystem: '{resource} is placed in `kube-system`, next to the cluster\'s own components and credentials. Deploy it into a namespace of its own.',
    },
    fix: 'none',
    equivalents: {
      trivy: ['KSV-0037'],
    },
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    if (EXEMPT_KINDS.has(resource.kind)) return;
    const metadata = mapAt(resource.node, ['metadata'], resource.document);
    if (stringValue(metadata, 'namespace', resource.document)?.trim() !== KUBE_SYSTEM) return;
    context.report({ messageId: 'kubeSystem', data: { resource: describeResource(resource) }, range: rangeOf(writtenValueOf(metadata, 'namespace')!) });
  },
};

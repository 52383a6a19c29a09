import { NAMESPACED_KINDS } from '../../kubernetes/kinds';
import { describeResource } from '../../kubernetes/model';
import { asScalar, mapAt, rangeOf, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

export const defaultNamespace: KubernetesRule = {
  meta: {
    id: 'k8s/default-namespace',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Resource goes into the `default` namespace',
    rationale:
      'Namespaces are where RBAC, network policies, resource quotas and Pod Security admission levels are applied. Everything left in `default` shares one set of them with whatever else landed there, usually with the loosest settings of the cluster. A resource without `metadata.namespace` goes wherever it is applied (`default` unless `kubectl -n`, a kubeconfig context or kustomize says otherwise). ' +
      'Only built-in namespaced kinds are checked (custom resources may be cluster-scoped); the `default` ServiceAccount and the `kubernetes` Service, which exist in `default` by design, are not reported.',
    remediation:
      'Create a namespace for the application and set `metadata.namespace` to it (or set it once with kustomize\'s `namespace:` and suppress this rule for the base files).',
    messages: {
      explicit: '{resource} is placed in the `default` namespace, which it shares with everything else put there. Use a dedicated namespace.',
      unset: '{resource} sets no `metadata.namespace`, so it lands in `default` unless the tooling that applies it chooses one. Set a dedicated namespace.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_21'],
      'kube-linter': ['use-namespace'],
      trivy: ['KSV-0110'],
      cis: ['5.7.4'],
    },
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
    example: {
      insecure: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\ndata:\n  mode: fast\n',
      secure: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: fast\n',
    },
  },
  check(resource, context) {
    if (!NAMESPACED_KINDS.has(resource.kind)) return;
    if ((resource.kind === 'ServiceAccount' && resource.name === 'default') || (resource.kind === 'Service' && resource.name === 'kubernetes')) return;
    const metadata = mapAt(resource.node, ['metadata'], resource.document);
    const namespace = asScalar(valueOf(metadata, 'namespace', resource.document));
    const data = { resource: describeResource(resource) };
    if (namespace && typeof namespace.value === 'string' && namespace.value.trim() !== '') {
      if (namespace.value.trim() !== 'default') return;
      context.report({ messageId: 'explicit', data, range: rangeOf(writtenValueOf(metadata, 'namespace')!) });
      return;
    }
    context.report({ messageId: 'unset', data, range: resource.nameRange });
  },
};

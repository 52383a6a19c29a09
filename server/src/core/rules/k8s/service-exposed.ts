import { describeResource } from '../../kubernetes/model';
import { mapAt, rangeOf, seqItems, stringValue, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

/** Cloud annotations that make a LoadBalancer internal (reachable from the VPC only). */
const INTERNAL_LOAD_BALANCER: readonly [string, RegExp][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(?:true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
];

export const serviceExposed: KubernetesRule = {
  meta: {
    id: 'k8s/service-exposed',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Service is exposed outside the cluster (NodePort / LoadBalancer)',
    rationale:
      'A `NodePort` Service opens its port on every node of the cluster; a `LoadBalancer` Service usually gets a public address. Either bypasses the Ingress (and the TLS, authentication and rate limits configured there) and is easy to create by accident. A LoadBalancer limited by `loadBalancerSourceRanges` or marked internal by a cloud annotation is not reported.',
    remediation:
      'Use `type: ClusterIP` and publish HTTP services through an Ingress or Gateway. If the Service must be reachable from outside, restrict who can reach it with `loadBalancerSourceRanges` or an internal load balancer annotation.',
    messages: {
      NodePort: '{service} is of type `NodePort`: its port is open on every node. Use `ClusterIP` behind an Ingress, or restrict access to the nodes.',
      LoadBalancer: '{service} is of type `LoadBalancer` without `loadBalancerSourceRanges`: it is reachable from outside the cluster. Use `ClusterIP` behind an Ingress, or restrict it with `loadBalancerSourceRanges`.',
    },
    fix: 'none',
    equivalents: { 'kube-linter': ['exposed-services'] },
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types'],
    example: {
      insecure: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  type: NodePort\n  selector: { app: api }\n  ports:\n    - port: 80\n      targetPort: 8080',
      secure: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  type: ClusterIP\n  selector: { app: api }\n  ports:\n    - port: 80\n      targetPort: 8080',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'Service') return;
    const spec = mapAt(resource.node, ['spec'], resource.document);
    const type = stringValue(spec, 'type', resource.document);
    if (type !== 'NodePort' && type !== 'LoadBalancer') return;
    if (type === 'LoadBalancer') {
      if (seqItems(valueOf(spec, 'loadBalancerSourceRanges', resource.document), resource.document).length > 0) return;
      if (INTERNAL_LOAD_BALANCER.some(([key, value]) => value.test(resource.annotations.get(key) ?? ''))) return;
    }
    context.report({ messageId: type, data: { service: describeResource(resource) }, range: rangeOf(writtenValueOf(spec, 'type')!) });
  },
};

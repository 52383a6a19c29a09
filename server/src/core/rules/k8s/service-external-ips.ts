import { describeResource } from '../../kubernetes/model';
import { keyRange, mapAt, seqItems, valueOf } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

export const serviceExternalIps: KubernetesRule = {
  meta: {
    id: 'k8s/service-external-ips',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Service sets `externalIPs`',
    rationale:
      'kube-proxy routes traffic for every address in `spec.externalIPs` to the Service, without checking who owns the address. Anyone who can create a Service can claim the IP of another workload, a cluster DNS server or an external site and intercept its traffic from inside the cluster (CVE-2020-8554, not fixable in Kubernetes itself). Clusters should block the field with the `DenyServiceExternalIPs` admission plugin or a policy engine.',
    remediation:
      'Remove `externalIPs`. Publish the Service with `type: LoadBalancer`, an Ingress or Gateway instead; if external IPs are really needed, allow them only for specific addresses through an admission policy.',
    messages: {
      externalIPs: '{service} sets `externalIPs` ({count}): kube-proxy routes those addresses to it whoever owns them (CVE-2020-8554). Remove the field and use a LoadBalancer, Ingress or Gateway.',
    },
    fix: 'suggestion',
    equivalents: { trivy: ['KSV-0108'] },
    references: ['https://github.com/kubernetes/kubernetes/issues/97076', 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips'],
    example: {
      insecure: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: { app: api }\n  ports:\n    - port: 80\n  externalIPs:\n    - 203.0.113.10',
      secure: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: { app: api }\n  ports:\n    - port: 80',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'Service') return;
    const spec = mapAt(resource.node, ['spec'], resource.document);
    const addresses = seqItems(valueOf(spec, 'externalIPs', resource.document), resource.document);
    if (!spec || addresses.length === 0) return;
    context.report({
      messageId: 'externalIPs',
      data: { service: describeResource(resource), count: addresses.length === 1 ? '1 address' : `${addresses.length} addresses` },
      range: keyRange(spec, 'externalIPs'),
      fix: { title: 'Remove `externalIPs`', edits: deletePair(resource.file, spec, 'externalIPs') },
    });
  },
};

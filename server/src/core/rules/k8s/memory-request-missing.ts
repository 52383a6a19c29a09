import { reportMissingRequirement } from '../../kubernetes/resource-requirements';
import type { KubernetesRule } from '../define';

/** Not a valid quantity on purpose: the API server rejects the manifest until someone chooses a value. */
const PLACEHOLDER = '<memory request, e.g. 256Mi>';

export const memoryRequestMissing: KubernetesRule = {
  meta: {
    id: 'k8s/memory-request-missing',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container sets no memory request (`resources.requests.memory`)',
    rationale:
      'The memory request is what the scheduler reserves for the container. Without one the pod is placed as if it needed no memory, nodes get overcommitted, and under memory pressure it is among the first to be evicted. Not reported: ephemeral containers (they cannot have resources) and pods that set the value pod-wide in `spec.resources`. A request is also not reported when the matching limit is set, because Kubernetes then uses the limit as the request.',
    remediation:
      'Set `resources.requests.memory` (e.g. `256Mi`) to what the container uses in normal operation, or set a default for the namespace with a LimitRange. The quick fix inserts a placeholder that is deliberately not a valid quantity, so the manifest cannot be applied until you replace it with a real value; fix-all never applies it.',
    messages: {
      missing: '{container} sets no memory request (`resources.requests.memory`), so the scheduler reserves no memory for it. Set one.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_12'],
      trivy: ['KSV-0016'],
    },
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    resources:\n      requests:\n        memory: 256Mi\n',
    },
  },
  check(resource, context) {
    reportMissingRequirement(resource, context, 'requests', 'memory', { title: 'Add a memory request placeholder to fill in (the manifest is invalid until you do)', placeholder: PLACEHOLDER });
  },
};

import { reportMissingRequirement } from '../../kubernetes/resource-requirements';
import type { KubernetesRule } from '../define';

/** Not a valid quantity on purpose: the API server rejects the manifest until someone chooses a value. */
const PLACEHOLDER = '<CPU request, e.g. 250m>';

export const cpuRequestMissing: KubernetesRule = {
  meta: {
    id: 'k8s/cpu-request-missing',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container sets no CPU request (`resources.requests.cpu`)',
    rationale:
      'The CPU request is what the scheduler reserves for the container and what it is guaranteed under contention. Without one the pod is scheduled as if it needed nothing, lands on crowded nodes, and is the first to be starved when the node is busy. Not reported: ephemeral containers (they cannot have resources) and pods that set the value pod-wide in `spec.resources`. A request is also not reported when the matching limit is set, because Kubernetes then uses the limit as the request.',
    remediation:
      'Set `resources.requests.cpu` (e.g. `250m`) to what the container needs in normal operation, or set a default for the namespace with a LimitRange. The quick fix inserts a placeholder that is deliberately not a valid quantity, so the manifest cannot be applied until you replace it with a real value; fix-all never applies it.',
    messages: {
      missing: '{container} sets no CPU request (`resources.requests.cpu`), so the scheduler reserves no CPU for it. Set one.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_10'],
      'kube-linter': ['unset-cpu-requirements'],
      trivy: ['KSV-0015'],
    },
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    resources:\n      requests:\n        cpu: 250m\n',
    },
  },
  check(resource, context) {
    reportMissingRequirement(resource, context, 'requests', 'cpu', { title: 'Add a CPU request placeholder to fill in (the manifest is invalid until you do)', placeholder: PLACEHOLDER });
  },
};

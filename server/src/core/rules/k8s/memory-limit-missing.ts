import { reportMissingRequirement } from '../../kubernetes/resource-requirements';
import type { KubernetesRule } from '../define';

/** Not a valid quantity on purpose: the API server rejects the manifest until someone chooses a value. */
const PLACEHOLDER = '<memory limit, e.g. 512Mi>';

export const memoryLimitMissing: KubernetesRule = {
  meta: {
    id: 'k8s/memory-limit-missing',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Container sets no memory limit (`resources.limits.memory`)',
    rationale:
      'Without a memory limit a container can grow until its node runs out of memory: a leak or an attack that allocates memory then gets other pods (and node daemons) killed by the out-of-memory killer, not just itself. Not reported: ephemeral containers (they cannot have resources) and pods that set the value pod-wide in `spec.resources`.',
    remediation:
      'Set `resources.limits.memory` (e.g. `512Mi`) a little above what the container uses at peak, or set a default for the namespace with a LimitRange. The quick fix inserts a placeholder that is deliberately not a valid quantity, so the manifest cannot be applied until you replace it with a real value; fix-all never applies it.',
    messages: {
      missing: '{container} sets no memory limit (`resources.limits.memory`), so it can exhaust its node\'s memory. Set one.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_13'],
      'kube-linter': ['unset-memory-requirements'],
      trivy: ['KSV-0018'],
    },
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    resources:\n      limits:\n        memory: 512Mi\n',
    },
  },
  check(resource, context) {
    reportMissingRequirement(resource, context, 'limits', 'memory', { title: 'Add a memory limit placeholder to fill in (the manifest is invalid until you do)', placeholder: PLACEHOLDER });
  },
};

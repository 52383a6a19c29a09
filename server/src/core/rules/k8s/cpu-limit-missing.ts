import { reportMissingRequirement } from '../../kubernetes/resource-requirements';
import type { KubernetesRule } from '../define';

/** Not a valid quantity on purpose: the API server rejects the manifest until someone chooses a value. */
const PLACEHOLDER = '<CPU limit, e.g. 500m>';

export const cpuLimitMissing: KubernetesRule = {
  meta: {
    id: 'k8s/cpu-limit-missing',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container sets no CPU limit (`resources.limits.cpu`)',
    rationale:
      'Without a CPU limit a container can use every idle core of its node: one busy or compromised container (a crypto miner, a runaway loop) slows down everything else scheduled there. Some teams deliberately run without CPU limits to avoid throttling and rely on requests instead; turn the rule off if that is your policy. Not reported: ephemeral containers (they cannot have resources) and pods that set the value pod-wide in `spec.resources`.',
    remediation:
      'Set `resources.limits.cpu` (e.g. `500m` or `2`) from what the container uses under load, or set a default for the namespace with a LimitRange. The quick fix inserts a placeholder that is deliberately not a valid quantity, so the manifest cannot be applied until you replace it with a real value; fix-all never applies it.',
    messages: {
      missing: '{container} sets no CPU limit (`resources.limits.cpu`), so it can take every core of its node. Set one.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_11'],
      trivy: ['KSV-0011'],
    },
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    resources:\n      limits:\n        cpu: 500m\n',
    },
  },
  check(resource, context) {
    reportMissingRequirement(resource, context, 'limits', 'cpu', { title: 'Add a CPU limit placeholder to fill in (the manifest is invalid until you do)', placeholder: PLACEHOLDER });
  },
};

import { describeResource } from '../../kubernetes/model';
import { usesUserNamespace } from '../../kubernetes/pod-security';
import { containersOf, describeContainer, isWindowsPod, podSpecOf, type Container } from '../../kubernetes/workloads';
import { keyRange, pairOf, pairRange, scalarValue, type YamlMap } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

/** IDs below this may collide with users and groups of the node (checkov's threshold). */
const MINIMUM_ID = 10000;

const FIELDS = ['runAsUser', 'runAsGroup'] as const;
type Field = (typeof FIELDS)[number];

export const runAsLowUid: KubernetesRule = {
  meta: {
    id: 'k8s/run-as-low-uid',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Container runs with a UID or GID below 10000',
    rationale:
      'Low UIDs and GIDs are the ones the node\'s own users and groups have. A process that escapes its container with such an ID acts as that host user, with that user\'s files; IDs of 10000 and above belong to nobody on a typical node. Checked per container with the value it really gets (a container\'s own `runAsUser`/`runAsGroup` overrides the pod\'s); UID and GID 0 are left to `k8s/run-as-user-zero` and `k8s/run-as-group-root`. Pods with `hostUsers: false` (user namespaces) and Windows pods are not checked.',
    remediation:
      'Set `securityContext.runAsUser` and `runAsGroup` to 10000 or above, at pod level or on every container, and build the image to run as that UID (`USER 10001`).',
    messages: {
      low: '{where} sets `{field}: {value}`, below 10000, where IDs of users on the node live. Use an ID of 10000 or above.',
      unset: '{resource} does not set `{field}` for {containers}, so the image decides (often root or a low ID). Set `securityContext.{field}` to 10000 or above.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_40'],
      trivy: ['KSV-0020', 'KSV-0021'],
      cis: ['5.7.3'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    optIn: true,
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 1000\n    runAsGroup: 1000\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 10001\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec || isWindowsPod(podSpec) || usesUserNamespace(podSpec)) return;
    const { document } = resource;
    const containers = containersOf(podSpec);
    for (const field of FIELDS) {
      const podValue = scalarValue(podSpec.securityContext, field, document);
      let podValueUsed = false;
      const unset: Container[] = [];
      for (const container of containers) {
        const own = scalarValue(container.securityContext, field, document);
        if (own !== undefined && own !== null) {
          if (isLow(own)) reportLow(container.securityContext!, describeContainer(container), field, own);
        } else if (podValue !== undefined && podValue !== null) {
          podValueUsed = true;
        } else {
          unset.push(container);
        }
      }
      if (podValueUsed && isLow(podValue)) reportLow(podSpec.securityContext!, `${describeResource(resource)} (pod-level \`securityContext\`)`, field, podValue);
      if (unset.length > 0) {
        const names = unset.map((container) => (container.name !== undefined ? `\`${container.name}\`` : `#${container.index + 1}`));
        context.report({
          messageId: 'unset',
          data: { resource: describeResource(resource), field, containers: `${names.length === 1 ? 'container' : 'containers'} ${names.join(', ')}` },
          range: pairOf(podSpec.node, 'securityContext') ? keyRange(podSpec.node, 'securityContext') : podSpec.anchorRange,
        });
      }
    }

    function reportLow(securityContext: YamlMap, where: string, field: Field, value: unknown): void {
      context.report({ messageId: 'low', data: { where, field, value: String(value) }, range: pairRange(securityContext, field)! });
    }
  },
};

/** Positive and below the threshold; 0 is another rule's, non-numbers are Kubernetes' to reject. */
function isLow(value: unknown): boolean {
  return typeof value === 'number' && value > 0 && value < MINIMUM_ID;
}

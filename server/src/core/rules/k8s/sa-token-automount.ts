import { describeResource } from '../../kubernetes/model';
import { podSpecOf } from '../../kubernetes/workloads';
import { hasValue, pairRange, scalarValue, sourceText, valueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const FIELD = 'automountServiceAccountToken';

export const saTokenAutomount: KubernetesRule = {
  meta: {
    id: 'k8s/sa-token-automount',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Pod gets a service account token mounted automatically',
    rationale:
      'Unless told otherwise, Kubernetes mounts a token of the pod\'s service account at `/var/run/secrets/kubernetes.io/serviceaccount`. Most applications never call the Kubernetes API, but anyone who gets code execution in the container can use the token with whatever RBAC permissions the service account has. The token is mounted unless the pod spec (or the service account) sets `automountServiceAccountToken: false`; a pod-level `true` overrides the service account\'s `false`.',
    remediation:
      'Set `automountServiceAccountToken: false` in the pod spec. Pods that do call the API keep the token (omit the field and accept the finding, or suppress it), ideally with a dedicated service account that has only the permissions they need.',
    messages: {
      enabled: '{resource} sets `automountServiceAccountToken: {value}`, so every container gets a Kubernetes API token. Set it to `false` unless the pod calls the API.',
      unset: '{resource} does not set `automountServiceAccountToken: false`, so every container gets a Kubernetes API token. Set it to `false` unless the pod calls the API.',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_38'],
      trivy: ['KSV-0036'],
      cis: ['5.1.6'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  automountServiceAccountToken: false\n  containers:\n  - name: web\n    image: nginx:1.27\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document, file } = resource;
    if (scalarValue(podSpec.node, FIELD, document) === false) return;
    const title = 'Set automountServiceAccountToken: false (breaks pods that call the Kubernetes API)';
    const value = valueOf(podSpec.node, FIELD, document);
    if (hasValue(value)) {
      context.report({
        messageId: 'enabled',
        data: { resource: describeResource(resource), value: sourceText(file, value) },
        range: pairRange(podSpec.node, FIELD)!,
        fix: { title, edits: setIn(file, document, podSpec.node, [FIELD], 'false') },
      });
      return;
    }
    context.report({
      messageId: 'unset',
      data: { resource: describeResource(resource) },
      range: podSpec.anchorRange,
      fix: { title, edits: setIn(file, document, podSpec.node, [FIELD], 'false') },
    });
  },
};

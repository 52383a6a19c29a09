import { hasValue, pairRange, scalarValue, sourceText, valueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const FIELD = 'automountServiceAccountToken';

export const defaultSaAutomount: KubernetesRule = {
  meta: {
    id: 'k8s/default-sa-automount',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'The `default` service account mounts its token into pods',
    rationale:
      'Every pod that names no service account runs as the namespace\'s `default` account, and gets its API token mounted unless something says otherwise. Setting `automountServiceAccountToken: false` on the `default` ServiceAccount stops that for all of them at once; pods that need a token should use a dedicated service account anyway.',
    remediation:
      'Set `automountServiceAccountToken: false` on the ServiceAccount named `default` (a top-level field of the ServiceAccount). A pod that really needs the token can still set `automountServiceAccountToken: true` in its own spec.',
    messages: {
      enabled: 'ServiceAccount `default`{namespace} sets `automountServiceAccountToken: {value}`, so every pod that names no service account gets an API token. Set it to `false`.',
      unset: 'ServiceAccount `default`{namespace} does not set `automountServiceAccountToken: false`, so every pod that names no service account gets an API token. Set it.',
    },
    fix: 'safe',
    equivalents: {
      checkov: ['CKV_K8S_41'],
      cis: ['5.1.5'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting'],
    example: {
      insecure: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: shop\n',
      secure: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: shop\nautomountServiceAccountToken: false\n',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'ServiceAccount' || resource.name !== 'default') return;
    const { document, file, node } = resource;
    if (scalarValue(node, FIELD, document) === false) return;
    const namespace = resource.namespace ? ` in namespace \`${resource.namespace}\`` : '';
    const title = 'Set automountServiceAccountToken: false';
    const value = valueOf(node, FIELD, document);
    if (hasValue(value)) {
      context.report({
        messageId: 'enabled',
        data: { namespace, value: sourceText(file, value) },
        range: pairRange(node, FIELD)!,
        fix: { title, edits: setIn(file, document, node, [FIELD], 'false') },
      });
      return;
    }
    context.report({
      messageId: 'unset',
      data: { namespace },
      range: resource.nameRange,
      fix: { title, edits: setIn(file, document, node, [FIELD], 'false') },
    });
  },
};

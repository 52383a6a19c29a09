import { describeResource } from '../../kubernetes/model';
import { podSpecOf } from '../../kubernetes/workloads';
import { asScalar, hasKey, hasValue, keyRange, pairOf, sourceText, valueOf, type YamlNode } from '../../yaml/yaml-document';
import { deletePair, replaceNode, setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const DEPRECATED = 'serviceAccount';
const CURRENT = 'serviceAccountName';

export const deprecatedSaField: KubernetesRule = {
  meta: {
    id: 'k8s/deprecated-sa-field',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Pod spec uses the deprecated `serviceAccount` field',
    rationale:
      '`serviceAccount` is a deprecated alias of `serviceAccountName`. The API server uses it only when `serviceAccountName` is empty, so a manifest that sets both with different values does not run as the account a reader of the old field expects, and tools that read only `serviceAccountName` miss the alias.',
    remediation:
      'Rename `serviceAccount` to `serviceAccountName`. When both are set, keep only `serviceAccountName` (it is the one that applies).',
    messages: {
      deprecated: '{resource} uses the deprecated `serviceAccount` field. Rename it to `serviceAccountName`.',
      redundant: '{resource} sets the deprecated `serviceAccount` beside `serviceAccountName` with the same value. Remove `serviceAccount`.',
      conflicting: '{resource} sets the deprecated `serviceAccount: {deprecated}`, but `serviceAccountName: {current}` is the one that applies. Remove `serviceAccount`.',
    },
    fix: 'safe',
    equivalents: {
      'kube-linter': ['deprecated-service-account-field'],
    },
    references: ['https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  serviceAccount: api\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  serviceAccountName: api\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document, file } = resource;
    // The field may come through a `<<` merge: reported there, and not fixed (the merged map is shared).
    const pair = pairOf(podSpec.node, DEPRECATED);
    if (!pair && !hasKey(podSpec.node, DEPRECATED, document)) return;
    const deprecated = scalarText(valueOf(podSpec.node, DEPRECATED, document));
    const current = scalarText(valueOf(podSpec.node, CURRENT, document));
    const range = keyRange(podSpec.node, DEPRECATED);
    const data = { resource: describeResource(resource) };
    if (current === undefined) {
      const title = 'Rename serviceAccount to serviceAccountName';
      const deprecatedValue = valueOf(podSpec.node, DEPRECATED, document);
      // An empty `serviceAccountName:` is there already: move the value into it rather than duplicating the key.
      const edits = !pair
        ? undefined
        : !pairOf(podSpec.node, CURRENT)
        ? [replaceNode(pair.key as YamlNode, CURRENT)]
        : deprecated !== undefined && deprecatedValue
          ? [...setIn(file, document, podSpec.node, [CURRENT], sourceText(file, deprecatedValue)), ...deletePair(file, podSpec.node, DEPRECATED)]
          : undefined;
      context.report({ messageId: 'deprecated', data, range, ...(edits ? { fix: { title, edits } } : {}) });
    } else if (deprecated === undefined || deprecated === current) {
      context.report({ messageId: 'redundant', data, range, ...(pair ? { fix: { title: 'Remove serviceAccount', edits: deletePair(file, podSpec.node, DEPRECATED) } } : {}) });
    } else {
      // Removing it changes nothing the API server does, but the author may have meant the other account: let them choose.
      context.report({
        messageId: 'conflicting',
        data: { ...data, deprecated, current },
        range,
        ...(pair ? { fix: { title: 'Remove serviceAccount (serviceAccountName applies)', edits: deletePair(file, podSpec.node, DEPRECATED), safe: false } } : {}),
      });
    }
  },
};

/** A scalar's value as text, or undefined when absent, empty or not a scalar. */
function scalarText(node: YamlNode | undefined): string | undefined {
  if (!hasValue(node)) return undefined;
  const value = asScalar(node)?.value;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return text === '' ? undefined : text;
}

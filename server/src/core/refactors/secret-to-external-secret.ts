/**
 * `k8s/secret-to-external-secret`: a Secret that commits values (`data` / `stringData`) becomes
 * an External Secrets Operator `ExternalSecret` (`external-secrets.io/v1`) that creates the same
 * Secret — same name, namespace and labels, one `spec.data` entry per key — from a secret store.
 * The store and the remote keys are `CHANGE-ME` placeholders; the plaintext leaves the file.
 *
 * Only the Secret's own mapping is rewritten: the document's `---` marker and leading comments,
 * and every other document, stay byte-identical. Secrets inside a `List`, SOPS-encrypted ones and
 * ones without keys are not offered it.
 */
import type { KubernetesResource } from '../kubernetes/model';
import { describeResource } from '../kubernetes/model';
import { asScalar, mapAt, pairOf, rangeOf, resolveNode, sourceText, stringValue, type YamlMap, type YamlNode } from '../yaml/yaml-document';
import { eol } from '../yaml/yaml-edit';
import { CHANGE_ME, type Refactoring } from './refactoring';

/** Secret types that need no template: the ExternalSecret's target Secret is `Opaque` by default. */
const DEFAULT_TYPE = 'Opaque';

export const secretToExternalSecret: Refactoring<KubernetesResource> = {
  id: 'k8s/secret-to-external-secret',
  description:
    'Replaces a Secret manifest that commits values with an External Secrets Operator ExternalSecret (external-secrets.io/v1) creating the same Secret from a secret store; the store and remote keys are CHANGE-ME placeholders.',
  offers(resource) {
    if (resource.kind !== 'Secret' || resource.listKind !== undefined || pairOf(resource.node, 'sops')) return [];
    const keys = secretKeys(resource);
    if (keys.length === 0 || resource.node.flow) return [];
    const { file } = resource;
    const range = rangeOf(resource.node);
    // A block mapping's range runs past its last line break: keep the break (and blank lines) where they are.
    const end = range.start + file.text.slice(range.start, range.end).trimEnd().length;
    return [
      {
        id: 'k8s/secret-to-external-secret',
        title: `Replace ${describeResource(resource)} with an ExternalSecret (external-secrets.io/v1) reading ${keys.length === 1 ? 'its key' : `its ${keys.length} keys`} from a secret store: fill in the ${CHANGE_ME} store and remote keys, and rotate the committed values`,
        range: resource.range,
        resolves: ['k8s/secret-manifest-data'],
        edits: [{ start: range.start, end, newText: externalSecretText(resource, keys) }],
        safe: false,
      },
    ];
  },
};

/** The keys of `data` and `stringData`, in order, each once. */
function secretKeys(resource: KubernetesResource): string[] {
  const keys: string[] = [];
  // In the order written: `stringData` before `data` when the manifest puts it first.
  const fields = resource.node.items.map((item) => asScalar(item.key)?.value).filter((key): key is string => key === 'data' || key === 'stringData');
  for (const field of fields) {
    for (const item of mapAt(resource.node, [field], resource.document)?.items ?? []) {
      const key = asScalar(item.key)?.value;
      if (key === null || key === undefined) continue;
      if (!keys.includes(String(key))) keys.push(String(key));
    }
  }
  return keys;
}

function externalSecretText(resource: KubernetesResource, keys: readonly string[]): string {
  const { file, document, node } = resource;
  const metadata = mapAt(node, ['metadata'], document);
  const lines: string[] = ['apiVersion: external-secrets.io/v1', 'kind: ExternalSecret', 'metadata:'];
  const name = scalarSource(resource, metadata, 'name');
  if (name !== undefined) lines.push(`  name: ${name}`);
  const namespace = scalarSource(resource, metadata, 'namespace');
  if (namespace !== undefined) lines.push(`  namespace: ${namespace}`);
  const labels = labelLines(resource, mapAt(metadata, ['labels'], document));
  if (labels.length > 0) lines.push('  labels:', ...labels.map((line) => `    ${line}`));
  lines.push('spec:', '  secretStoreRef:', `    name: ${CHANGE_ME}`, '    kind: ClusterSecretStore', '  target:');
  lines.push(`    name: ${name ?? CHANGE_ME}`);
  const type = stringValue(node, 'type', document);
  if (type !== undefined && type !== DEFAULT_TYPE) lines.push('    template:', `      type: ${plainOrQuoted(type)}`);
  lines.push('  data:');
  for (const key of keys) {
    const written = plainOrQuoted(key);
    lines.push(`    - secretKey: ${written}`, '      remoteRef:', `        key: ${CHANGE_ME}`, `        property: ${written}`);
  }
  return lines.join(eol(file));
  function scalarSource(owner: KubernetesResource, map: YamlMap | undefined, key: string): string | undefined {
    const value = asScalar(resolveNode(pairOf(map, key)?.value, owner.document));
    if (!value || value.value === null || value.value === undefined) return undefined;
    return singleLine(sourceText(file, value as YamlNode)) ?? plainOrQuoted(String(value.value));
  }
}

/** `key: value` lines of the labels, written as they were when they fit on one line. */
function labelLines(resource: KubernetesResource, labels: YamlMap | undefined): string[] {
  const lines: string[] = [];
  for (const item of labels?.items ?? []) {
    const key = asScalar(item.key);
    const value = asScalar(resolveNode(item.value, resource.document));
    if (!key || !value || key.value === null || key.value === undefined) continue;
    const keyText = singleLine(sourceText(resource.file, key as YamlNode)) ?? plainOrQuoted(String(key.value));
    const valueText = value.value === null ? '""' : (singleLine(sourceText(resource.file, value as YamlNode)) ?? plainOrQuoted(String(value.value)));
    lines.push(`${keyText}: ${valueText}`);
  }
  return lines;
}

/** Source text that is one line and no block scalar, else undefined. */
function singleLine(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' || /[\r\n]/.test(trimmed) || /^[|>]/.test(trimmed) ? undefined : trimmed;
}

/** A string as a plain YAML scalar when it reads back as the same string, else double-quoted. */
export function plainOrQuoted(value: string): string {
  const plain = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|y|n|null|~)$/i.test(value) && !/^[-+.]?\d/.test(value) && !/^\.(?:inf|nan)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

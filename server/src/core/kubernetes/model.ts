/**
 * Kubernetes resources of a YAML file: one per document with top-level `apiVersion` and `kind`,
 * plus the items of `kind: List` (and `PodList`, `DeploymentList`, …).
 */
import type { OffsetRange } from '../engine/types';
import {
  asMap,
  asScalar,
  entriesOf,
  keyRange,
  mapAt,
  rangeOf,
  resolveNode,
  scalarString,
  seqItems,
  stringValue,
  valueOf,
  writtenValueOf,
  type YamlDocument,
  type YamlFile,
  type YamlMap,
} from '../yaml/yaml-document';

export interface KubernetesResource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly file: YamlFile;
  /** The resource's top-level mapping. */
  readonly node: YamlMap;
  readonly document: YamlDocument;
  readonly range: OffsetRange;
  /** Where to point when a finding is about the resource as a whole: its `kind` key. */
  readonly anchorRange: OffsetRange;
  /**
   * Where to point when a finding is about the resource by name: its `metadata.name` value as
   * written (the alias for `*name`, never the node it names), else `anchorRange`.
   */
  readonly nameRange: OffsetRange;
  /** The `List` this resource is an item of, if any. */
  readonly listKind: string | undefined;
  /** `metadata.annotations`, as plain strings. */
  readonly annotations: ReadonlyMap<string, string>;
}

export function resourcesOf(file: YamlFile): KubernetesResource[] {
  const resources: KubernetesResource[] = [];
  for (const document of file.documents) {
    const root = asMap(document.contents);
    const resource = root && toResource(root, file, document, undefined);
    if (!resource) continue;
    if (/List$/.test(resource.kind) && valueOf(root, 'items', document)) {
      for (const item of seqItems(valueOf(root, 'items', document), document)) {
        const child = asMap(item) && toResource(asMap(item)!, file, document, resource.kind);
        if (child) resources.push(child);
      }
      continue;
    }
    resources.push(resource);
  }
  return resources;
}

/** True when a document looks like a Kubernetes manifest (top-level `apiVersion` and `kind`). */
export function isKubernetesDocument(document: YamlDocument): boolean {
  const root = asMap(document.contents);
  return stringValue(root, 'apiVersion', document) !== undefined && stringValue(root, 'kind', document) !== undefined;
}

function toResource(node: YamlMap, file: YamlFile, document: YamlDocument, listKind: string | undefined): KubernetesResource | undefined {
  const apiVersion = stringValue(node, 'apiVersion', document);
  const kind = stringValue(node, 'kind', document);
  if (apiVersion === undefined || kind === undefined) return undefined;
  const metadata = mapAt(node, ['metadata'], document);
  return {
    apiVersion,
    kind,
    file,
    name: stringValue(metadata, 'name', document),
    namespace: stringValue(metadata, 'namespace', document),
    node,
    document,
    range: rangeOf(node),
    anchorRange: keyRange(node, 'kind'),
    nameRange: asScalar(valueOf(metadata, 'name', document)) ? rangeOf(writtenValueOf(metadata, 'name')!) : keyRange(node, 'kind'),
    listKind,
    annotations: stringEntries(mapAt(metadata, ['annotations'], document), document),
  };
}

function stringEntries(map: YamlMap | undefined, document: YamlDocument): Map<string, string> {
  const entries = new Map<string, string>();
  for (const { key, pair } of map ? entriesOf(map, document) : []) {
    const value = scalarString(resolveNode(pair.value, document));
    if (value !== undefined) entries.set(key, value);
  }
  return entries;
}

/** `Deployment \`api\`` — how messages name a resource. */
export function describeResource(resource: KubernetesResource): string {
  return resource.name ? `${resource.kind} \`${resource.name}\`` : resource.kind;
}

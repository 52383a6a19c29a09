/**
 * Facts of Pod Security Admission that several rules share: which Kubernetes version the
 * manifests target, where security contexts live (pod and every container), the pod template's
 * annotations, and the user-namespace relaxation (`hostUsers: false`).
 *
 * Ground truth is `kubernetes/pod-security-admission/policy/check_*.go` (RULES.md §2.1).
 */
import { DEFAULT_KUBERNETES_VERSION } from '../engine/config';
import type { OffsetRange, TextEdit } from '../engine/types';
import { asSeq, entriesOf, keyRange, mapAt, pairOf, resolveNode, scalarString, scalarValue, stringItems, writtenValueOf, type YamlMap, type YamlNode } from '../yaml/yaml-document';
import { appendToSeqIn, quotedLikeFirstItem, setIn } from '../yaml/yaml-edit';
import { describeResource } from './model';
import { containersOf, describeContainer, type Container, type PodSpec } from './workloads';

/** A Kubernetes minor version, e.g. `{major: 1, minor: 31}`. */
export interface KubernetesVersion {
  readonly major: number;
  readonly minor: number;
}

/**
 * Reads `1.31`, `v1.31`, `1.31.2` or `latest` (a version above every known one). Anything else
 * falls back to the default version.
 */
export function parseKubernetesVersion(written: string): KubernetesVersion {
  const text = written.trim().toLowerCase();
  if (text === 'latest') return { major: 1, minor: Number.MAX_SAFE_INTEGER };
  const match = /^v?(\d+)\.(\d+)/.exec(text);
  if (match) return { major: Number(match[1]), minor: Number(match[2]) };
  return parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION);
}

/** True when `version` is `1.<minor>` or later. */
export function isAtLeast(version: KubernetesVersion, minor: number): boolean {
  return version.major > 1 || (version.major === 1 && version.minor >= minor);
}

/** `1.31` — how messages name a version. */
export function formatVersion(version: KubernetesVersion): string {
  return version.minor === Number.MAX_SAFE_INTEGER ? 'latest' : `${version.major}.${version.minor}`;
}

/**
 * From this minor version Pod Security Admission relaxes, for pods in a user namespace
 * (`hostUsers: false`), the checks their root makes harmless: runAsNonRoot, runAsUser and (at
 * baseline) procMount.
 */
export const USER_NAMESPACE_RELAXATION = 35;

/** True when the pod runs in a user namespace (`spec.hostUsers: false`). */
export function usesUserNamespace(podSpec: PodSpec): boolean {
  return scalarValue(podSpec.node, 'hostUsers', podSpec.resource.document) === false;
}

/** One security context PSA inspects: the pod's `spec.securityContext` or a container's. */
export interface SecurityContextSite {
  readonly podSpec: PodSpec;
  /** The container, or undefined for the pod-level context. */
  readonly container: Container | undefined;
  /** The `securityContext` mapping. */
  readonly securityContext: YamlMap;
  /** `container \`web\` in Deployment \`api\`` or `Deployment \`api\` (pod-level \`securityContext\`)`. */
  readonly description: string;
}

/** The pod-level security context, then every container's (init, regular, ephemeral) that is a mapping. */
export function securityContextsOf(podSpec: PodSpec): SecurityContextSite[] {
  const sites: SecurityContextSite[] = [];
  if (podSpec.securityContext) {
    sites.push({ podSpec, container: undefined, securityContext: podSpec.securityContext, description: `${describeResource(podSpec.resource)} (pod-level \`securityContext\`)` });
  }
  for (const container of containersOf(podSpec)) {
    if (container.securityContext) {
      sites.push({ podSpec, container, securityContext: container.securityContext, description: describeContainer(container) });
    }
  }
  return sites;
}

/** The pod template's annotations (a Deployment's `spec.template.metadata.annotations`, a Pod's own). */
export function podAnnotationsOf(podSpec: PodSpec): YamlMap | undefined {
  return mapAt(podSpec.metadata, ['annotations'], podSpec.resource.document);
}

/** The string entries of an annotations mapping, with the map they live in (for edits and ranges). */
export function annotationEntries(annotations: YamlMap | undefined, podSpec: PodSpec): { readonly key: string; readonly value: string }[] {
  const entries: { key: string; value: string }[] = [];
  for (const { key, pair } of annotations ? entriesOf(annotations, podSpec.resource.document) : []) {
    const value = scalarString(resolveNode(pair.value, podSpec.resource.document));
    entries.push({ key, value: value ?? '' });
  }
  return entries;
}

/** The most precise existing key on the way down `path` from `map`, else `fallback`. */
export function deepestKeyRange(map: YamlMap | undefined, path: readonly string[], fallback: OffsetRange, document: PodSpec['resource']['document']): OffsetRange {
  let range = fallback;
  let current = map;
  for (const key of path) {
    if (!current || !pairOf(current, key)) break;
    range = keyRange(current, key);
    current = mapAt(current, [key], document);
  }
  return range;
}

/** One entry of a container's `securityContext.capabilities.add`. */
export interface AddedCapability {
  readonly container: Container;
  /** The `capabilities` mapping the entry sits in (for fixes that remove it). */
  readonly capabilities: YamlMap;
  readonly value: string;
  /** The entry as written: the alias for `*name` (or for the whole list), where findings point and fixes edit. */
  readonly written: YamlNode;
  /** The entry belongs to a list written as an alias (`add: *caps`): shared, so not edited from here. */
  readonly shared: boolean;
}

/** Every capability any container of the pod adds, with where it is written. */
export function addedCapabilitiesOf(podSpec: PodSpec): AddedCapability[] {
  const { document } = podSpec.resource;
  return containersOf(podSpec).flatMap((container) => {
    const capabilities = mapAt(container.securityContext, ['capabilities'], document);
    if (!capabilities) return [];
    return stringItems(writtenValueOf(capabilities, 'add'), document).map(({ value, written, shared }) => ({ container, capabilities, value, written, shared }));
  });
}

/**
 * Edits that add `capability` to the container's `securityContext.capabilities.drop`: appended to
 * the list there (quoted like its items), or the list written with it alone.
 */
export function dropCapabilityEdits(container: Container, dropNode: YamlNode | undefined, capability: string): TextEdit[] {
  const { file, document } = container.podSpec.resource;
  const seq = asSeq(dropNode);
  const capabilities = mapAt(container.securityContext, ['capabilities'], document);
  if (seq && capabilities) return appendToSeqIn(file, document, capabilities, 'drop', quotedLikeFirstItem(file, seq, capability));
  return setIn(file, document, container.node, ['securityContext', 'capabilities', 'drop'], `["${capability}"]`);
}

/**
 * Typed readings of the Compose service fields the rules judge: `volumes`, `ports`,
 * `environment`, `security_opt` and plain string lists, in both their short (string) and long
 * (map) syntax. Rules use these and never split Compose strings themselves.
 *
 * Merge keys (`<<: *defaults`, `<<: [*a, *b]`) are followed: a field a service inherits through a
 * merge is found, and marked `inherited` so rules report it at the service's `<<` and leave the
 * shared anchor alone. So is `extends: {service: base}` (or `extends: base`) naming a service of
 * the same file: its fields are the extending service's unless it sets them itself, reported at
 * its `extends`. (`extends` with a `file:` names a service this file does not hold: not followed.)
 * `${VAR}` interpolation is never expanded: values that contain it are marked `interpolated` and
 * rules do not judge them.
 */
import type { OffsetRange } from '../engine/types';
import {
  asMap,
  asScalar,
  asSeq,
  entriesOf,
  isAlias,
  isNode,
  isPair,
  isScalar,
  pairRange,
  rangeOf,
  resolveNode,
  valueOf,
  type YamlDocument,
  type YamlMap,
  type YamlNode,
  type YamlPair,
  type YamlScalar,
  type YamlSeq,
} from '../yaml/yaml-document';
import type { ComposeService } from './model';

const MERGE_KEY = '<<';
/** Nested merges followed at most this deep (an anchor merging an anchor merging …). */
const MAX_MERGE_DEPTH = 8;

/** `${VAR}`, `${VAR:-default}`, `$VAR` — but not the escaped `$$`. */
const INTERPOLATION = /\$\{[^}]*\}?|\$[A-Za-z_]/;

/** True when Compose would substitute a variable into this text. */
export function isInterpolated(text: string): boolean {
  return INTERPOLATION.test(text.replace(/\$\$/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Fields, with `<<` merges followed
// ---------------------------------------------------------------------------------------------

export interface ServiceField {
  readonly key: string;
  /** The pair as written (in the service, or in the merged map it comes from). */
  readonly pair: YamlPair;
  /** The map that holds the pair. */
  readonly owner: YamlMap;
  /** The value with aliases followed; undefined for `key:` with nothing after it. */
  readonly value: YamlNode | undefined;
  /**
   * The value as written: the alias itself for `*name`. Findings point and fixes edit here, never
   * at the node an alias names (shared with every other alias of it, maybe another field entirely).
   */
  readonly written: YamlNode | undefined;
  /** True when the field comes from a `<<` merge or an `extends` rather than the service itself. */
  readonly inherited: boolean;
  /** How an inherited field reaches the service. */
  readonly through?: '<<' | 'extends';
  /** Where a finding about this field points: the pair in the service, or the service's `<<` pair. */
  readonly range: OffsetRange;
}

/**
 * The service's `key`, from the service itself, else from its `<<` merges (in YAML's order), else
 * from the service it `extends` in the same file (and so on up its chain).
 */
export function serviceField(service: ComposeService, key: string): ServiceField | undefined {
  const visited = new Set<YamlMap>();
  const own = fieldIn(service.node, key, service.document, 0, undefined, visited);
  if (own) return own;
  // Reported at the service's own `extends`, however far up the chain the field is.
  let reportedAt: OffsetRange | undefined;
  let extending = service;
  for (let depth = 0; depth < MAX_MERGE_DEPTH; depth++) {
    const base = extendedService(extending, visited);
    if (!base) return undefined;
    reportedAt ??= base.range;
    const found = fieldIn(base.service.node, key, service.document, 0, reportedAt, visited);
    if (found) return { ...found, inherited: true, through: 'extends', range: reportedAt };
    extending = base.service;
  }
  return undefined;
}

/** The service of the same file that `extends` names (once per chain: `visited` stops a cycle), and where its `extends` is written. */
function extendedService(service: ComposeService, visited: Set<YamlMap>): { readonly service: ComposeService; readonly range: OffsetRange } | undefined {
  const field = fieldIn(service.node, 'extends', service.document, 0, undefined, new Set());
  const value = field?.value;
  const extended = asMap(value);
  if (extended && valueOf(extended, 'file', service.document) !== undefined) return undefined;
  const name = asScalar(extended ? valueOf(extended, 'service', service.document) : value)?.value;
  if (typeof name !== 'string') return undefined;
  const services = asMap(valueOf(asMap(service.document.contents), 'services', service.document));
  const node = asMap(valueOf(services, name, service.document));
  if (!node || visited.has(node)) return undefined;
  visited.add(node);
  return { service: { ...service, name, node }, range: field!.range };
}

/**
 * `visited`: the merged maps looked in so far, each looked in once. A few lines of anchors that
 * each merge the one before ten times (a merge bomb) would otherwise be searched 10^8 times per
 * field, even within MAX_MERGE_DEPTH.
 */
function fieldIn(map: YamlMap, key: string, document: YamlDocument, depth: number, via: OffsetRange | undefined, visited: Set<YamlMap>): ServiceField | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) {
      const pair = item as YamlPair;
      const value = resolveNode(pair.value, document) ?? undefined;
      const written = isNode(pair.value) ? pair.value : undefined;
      const own = pairRange(map, key) ?? rangeOf(pair.key as YamlNode);
      return { key, pair, owner: map, value, written, inherited: via !== undefined, ...(via !== undefined ? { through: '<<' as const } : {}), range: via ?? own };
    }
  }
  if (depth >= MAX_MERGE_DEPTH) return undefined;
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key) || item.key.value !== MERGE_KEY) continue;
    const mergeRange = via ?? pairRange(map, MERGE_KEY) ?? rangeOf(item.key as YamlNode);
    for (const source of mergeSources(item.value, document)) {
      if (visited.has(source)) continue;
      visited.add(source);
      const found = fieldIn(source, key, document, depth + 1, mergeRange, visited);
      if (found) return found;
    }
  }
  return undefined;
}

function mergeSources(value: unknown, document: YamlDocument): YamlMap[] {
  const resolved = resolveNode(value, document);
  const single = asMap(resolved);
  if (single) return [single];
  const seq = asSeq(resolved);
  if (!seq) return [];
  return seq.items.map((item) => asMap(resolveNode(item, document))).filter((map): map is YamlMap => map !== undefined);
}

/**
 * A service with neither `image` nor `build` (its own, merged, or through `extends` in this file)
 * cannot run as written: it is merged onto a service defined in another file (an override file,
 * `extends` with `file:`), which may set what it lacks.
 */
export function isServiceFragment(service: ComposeService): boolean {
  return !hasField(service, 'image') && !hasField(service, 'build');
}

/** True when the service (or a merge) has `key` at all, even with an empty value. */
export function hasField(service: ComposeService, key: string): boolean {
  return serviceField(service, key) !== undefined;
}

/**
 * The scalar value of a field (string, number, boolean, null), or undefined; `written` is where
 * it is written (the alias for `*name`).
 */
export function fieldScalar(service: ComposeService, key: string): { readonly value: unknown; readonly node: YamlScalar; readonly written: YamlNode; readonly field: ServiceField } | undefined {
  const field = serviceField(service, key);
  const node = asScalar(field?.value);
  return field?.written && node ? { value: node.value, node, written: field.written, field } : undefined;
}

/** A field's map value (aliases followed). */
export function fieldMap(service: ComposeService, key: string): YamlMap | undefined {
  return asMap(serviceField(service, key)?.value);
}

/** `service \`api\``, or `service \`api\` (through its \`<<\` merge)` / `(through its \`extends\`)` for inherited fields. */
export function describeService(service: ComposeService, field?: ServiceField): string {
  if (!field?.inherited) return `service \`${service.name}\``;
  return field.through === 'extends' ? `service \`${service.name}\` (through its \`extends\`)` : `service \`${service.name}\` (through its \`<<\` merge)`;
}

// ---------------------------------------------------------------------------------------------
// Sequences of strings: cap_add, cap_drop, devices, volumes_from, …
// ---------------------------------------------------------------------------------------------

export interface ListEntry {
  /** The entry as a string (numbers stringified). */
  readonly value: string;
  readonly node: YamlScalar;
  /** The entry as written: the alias for `*name`, where findings point and fixes edit. */
  readonly written: YamlNode;
  /** The entry belongs to a list written as an alias (`cap_add: *caps`): shared with every other alias of it, so not edited from here. */
  readonly shared: boolean;
  /** Index of the entry in its sequence. */
  readonly index: number;
  readonly seq: YamlSeq;
}

/**
 * Where a list entry is written: the item (the alias for `*name`) or, when the whole list is
 * written as an alias (`cap_add: *caps`), that alias — findings point there; the entry is shared.
 */
function whereWritten(field: ServiceField | undefined, item: unknown): { readonly written: YamlNode; readonly shared: boolean } {
  return field?.written && isAlias(field.written) ? { written: field.written, shared: true } : { written: item as YamlNode, shared: false };
}

/** String entries of a sequence field; non-scalar entries are skipped. */
export function listEntries(field: ServiceField | undefined, document: YamlDocument): ListEntry[] {
  const seq = asSeq(field?.value);
  if (!seq) return [];
  const entries: ListEntry[] = [];
  seq.items.forEach((item, index) => {
    const node = asScalar(resolveNode(item, document));
    if (node && (typeof node.value === 'string' || typeof node.value === 'number')) entries.push({ value: String(node.value), node, ...whereWritten(field, item), index, seq });
  });
  return entries;
}

// ---------------------------------------------------------------------------------------------
// volumes
// ---------------------------------------------------------------------------------------------

export type MountType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image' | 'unknown';

export interface ServiceVolume {
  /** The sequence item (a string in short syntax, a map in long syntax), aliases followed. */
  readonly node: YamlNode;
  /** The item as written: the alias for `*name`, where findings point and fixes edit. */
  readonly written: YamlNode;
  /** The entry belongs to a list written as an alias (`cap_add: *caps`): shared with every other alias of it, so not edited from here. */
  readonly shared: boolean;
  readonly index: number;
  readonly seq: YamlSeq;
  readonly syntax: 'short' | 'long';
  readonly type: MountType;
  /** Host path (bind) or volume name; undefined for an anonymous volume. */
  readonly source: string | undefined;
  readonly target: string | undefined;
  /** Short syntax: the scalar; long syntax: the `source` value, when present. */
  readonly sourceNode: YamlScalar | undefined;
  readonly readOnly: boolean;
  /** Short syntax access-mode options (`ro`, `z`, `rshared`, …); empty in long syntax. */
  readonly options: readonly string[];
  /** Mount propagation: long syntax `bind.propagation`, or a short-syntax option. */
  readonly propagation: string | undefined;
  /** Long syntax: the `bind` map that holds `propagation`. */
  readonly bindMap: YamlMap | undefined;
  /** True when the source contains `${VAR}`: its kind and path are not judged. */
  readonly interpolated: boolean;
}

const PROPAGATION_MODES = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

/** Parts of a short-syntax volume `[SOURCE:]TARGET[:MODE]` (Windows drive letters and `${VAR:-x}` kept whole). */
export interface ShortVolume {
  readonly source: string | undefined;
  readonly target: string | undefined;
  readonly options: readonly string[];
}

export function parseShortVolume(text: string): ShortVolume {
  const parts = splitOutsideBraces(text, ':');
  // `C:\data:/data` or `C:/data:/data`: the drive letter belongs to the source.
  if (parts.length >= 2 && /^[A-Za-z]$/.test(parts[0]!) && /^[\\/]/.test(parts[1]!)) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  if (parts.length === 1) return { source: undefined, target: parts[0], options: [] };
  const [source, target, ...rest] = parts;
  const mode = rest.join(':');
  return { source, target, options: mode === '' ? [] : mode.split(',').map((option) => option.trim()).filter(Boolean) };
}

/** Whether a short-syntax source is a host path (bind mount) rather than a named volume. */
export function isHostPath(source: string): boolean {
  return /^(?:[/.~]|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

export function serviceVolumes(service: ComposeService, field = serviceField(service, 'volumes')): ServiceVolume[] {
  const seq = asSeq(field?.value);
  if (!seq) return [];
  const { document } = service;
  const volumes: ServiceVolume[] = [];
  seq.items.forEach((item, index) => {
    const node = resolveNode(item, document);
    if (!node) return;
    const scalar = asScalar(node);
    if (scalar && typeof scalar.value === 'string') {
      const short = parseShortVolume(scalar.value);
      const interpolated = short.source !== undefined && isInterpolated(short.source);
      const type: MountType = short.source === undefined ? 'volume' : interpolated && !/[/\\]/.test(short.source) ? 'unknown' : isHostPath(short.source) || interpolated ? 'bind' : 'volume';
      volumes.push({
        node,
        ...whereWritten(field, item),
        index,
        seq,
        syntax: 'short',
        type,
        source: short.source,
        target: short.target,
        sourceNode: scalar,
        readOnly: short.options.includes('ro'),
        options: short.options,
        propagation: short.options.find((option) => PROPAGATION_MODES.has(option)),
        bindMap: undefined,
        interpolated,
      });
      return;
    }
    const map = asMap(node);
    if (!map) return;
    const sourceNode = asScalar(valueOf(map, 'source', document));
    const source = sourceNode && (typeof sourceNode.value === 'string' || typeof sourceNode.value === 'number') ? String(sourceNode.value) : undefined;
    const written = scalarString(map, 'type', document);
    const interpolated = source !== undefined && isInterpolated(source);
    const type: MountType = written
      ? (['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'].includes(written) ? (written as MountType) : 'unknown')
      : source === undefined ? 'volume' : isHostPath(source) ? 'bind' : interpolated ? 'unknown' : 'volume';
    const bindMap = asMap(valueOf(map, 'bind', document));
    const readOnlyNode = asScalar(valueOf(map, 'read_only', document));
    volumes.push({
      node,
      ...whereWritten(field, item),
      index,
      seq,
      syntax: 'long',
      type,
      source,
      target: scalarString(map, 'target', document),
      sourceNode,
      readOnly: readOnlyNode?.value === true || readOnlyNode?.value === 'true',
      options: [],
      propagation: bindMap ? scalarString(bindMap, 'propagation', document) : undefined,
      bindMap,
      interpolated,
    });
  });
  return volumes;
}

// ---------------------------------------------------------------------------------------------
// ports
// ---------------------------------------------------------------------------------------------

export interface PortRange {
  readonly start: number;
  readonly end: number;
}

export interface ServicePort {
  /** The sequence item, aliases followed. */
  readonly node: YamlNode;
  /** The item as written: the alias for `*name`, where findings point and fixes edit. */
  readonly written: YamlNode;
  /** The entry belongs to a list written as an alias (`cap_add: *caps`): shared with every other alias of it, so not edited from here. */
  readonly shared: boolean;
  readonly index: number;
  readonly seq: YamlSeq;
  readonly syntax: 'short' | 'long';
  /** Host IP as written (brackets of IPv6 removed), or undefined when none is given. */
  readonly hostIp: string | undefined;
  /** Host port(s); undefined when Compose picks an ephemeral port or the text is interpolated. */
  readonly published: PortRange | undefined;
  /** True when a host port is written at all (even interpolated). */
  readonly hasPublished: boolean;
  readonly target: PortRange | undefined;
  readonly protocol: string | undefined;
  /** True when any part contains `${VAR}`. */
  readonly interpolated: boolean;
  /** For messages: the short syntax as written, or `[host_ip:]published:target` read off the long syntax. */
  readonly text: string;
}

export interface ShortPort {
  readonly hostIp: string | undefined;
  readonly published: string | undefined;
  readonly target: string | undefined;
  readonly protocol: string | undefined;
}

/** `[[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]`, with `[::1]:8080:80` and `::1:8080:80` for IPv6. */
export function parseShortPort(text: string): ShortPort {
  let rest = text.trim();
  let protocol: string | undefined;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0 && !rest.slice(slash).includes('}')) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close > 0) {
      hostIp = rest.slice(1, close);
      rest = rest.slice(close + 1).replace(/^:/, '');
    }
  }
  const parts = splitOutsideBraces(rest, ':');
  if (hostIp === undefined && parts.length >= 3) {
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  }
  if (parts.length === 1) return { hostIp, published: undefined, target: parts[0], protocol };
  return { hostIp, published: parts[0] === '' ? undefined : parts[0], target: parts[1], protocol };
}

/** `80`, `8000-8010`; undefined for anything else (interpolated, malformed). */
export function parsePortRange(text: string | number | undefined): PortRange | undefined {
  if (typeof text === 'number') return Number.isInteger(text) ? { start: text, end: text } : undefined;
  const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(text ?? '');
  if (!match) return undefined;
  const start = Number(match[1]);
  return { start, end: match[2] === undefined ? start : Number(match[2]) };
}

export function servicePorts(service: ComposeService, field = serviceField(service, 'ports')): ServicePort[] {
  const seq = asSeq(field?.value);
  if (!seq) return [];
  const { document } = service;
  const ports: ServicePort[] = [];
  seq.items.forEach((item, index) => {
    const node = resolveNode(item, document);
    const scalar = asScalar(node);
    if (node && scalar && (typeof scalar.value === 'string' || typeof scalar.value === 'number')) {
      const written = String(scalar.value);
      const short = parseShortPort(written);
      ports.push({
        node,
        ...whereWritten(field, item),
        index,
        seq,
        syntax: 'short',
        hostIp: short.hostIp === '' ? undefined : short.hostIp,
        published: parsePortRange(short.published),
        hasPublished: short.published !== undefined,
        target: parsePortRange(short.target),
        protocol: short.protocol,
        interpolated: isInterpolated(written),
        text: written,
      });
      return;
    }
    const map = asMap(node);
    if (!node || !map) return;
    const published = scalarOf(map, 'published', document);
    const target = scalarOf(map, 'target', document);
    const hostIp = scalarString(map, 'host_ip', document);
    const texts = [published, target, hostIp].filter((value) => value !== undefined).map(String);
    ports.push({
      node,
      ...whereWritten(field, item),
      index,
      seq,
      syntax: 'long',
      hostIp: hostIp === '' ? undefined : hostIp,
      published: typeof published === 'string' || typeof published === 'number' ? parsePortRange(published) : undefined,
      hasPublished: published !== undefined && published !== null,
      target: typeof target === 'string' || typeof target === 'number' ? parsePortRange(target) : undefined,
      protocol: scalarString(map, 'protocol', document),
      interpolated: texts.some(isInterpolated),
      text: `${hostIp ? `${hostIp}:` : ''}${published === undefined || published === null ? '' : String(published)}:${target === undefined || target === null ? '' : String(target)}`,
    });
  });
  return ports;
}

// ---------------------------------------------------------------------------------------------
// environment
// ---------------------------------------------------------------------------------------------

export interface EnvironmentEntry {
  readonly name: string;
  /** The value as text; undefined when none is written (`- KEY`, `KEY:`), taken from the shell. */
  readonly value: string | undefined;
  readonly syntax: 'map' | 'list';
  /** Map syntax: the key scalar. List syntax: the whole `KEY=VALUE` item. */
  readonly nameNode: YamlScalar;
  /** Map syntax: the value scalar (when written). List syntax: the item. Aliases followed. */
  readonly valueNode: YamlScalar | undefined;
  /** `valueNode` as written: the alias for `*name`, where findings point and fixes edit. */
  readonly valueWritten: YamlNode | undefined;
  readonly interpolated: boolean;
  /**
   * Set when the entry comes through a `<<` merge of the environment map (`<<: *common-env`):
   * where to point (the merge), since the entry is written in the shared map, never edited from here.
   */
  readonly inheritedRange?: OffsetRange;
}

export function serviceEnvironment(service: ComposeService, field = serviceField(service, 'environment')): EnvironmentEntry[] {
  const { document } = service;
  const entries: EnvironmentEntry[] = [];
  const map = asMap(field?.value);
  for (const { pair: item, inherited } of map ? entriesOf(map, document) : []) {
    const nameNode = item.key as YamlScalar;
    const valueNode = asScalar(resolveNode(item.value, document));
    const raw = valueNode?.value;
    const value = raw === null || raw === undefined ? undefined : typeof raw === 'object' ? undefined : String(raw);
    const valueWritten = value === undefined ? undefined : (item.value as YamlNode);
    entries.push({
      name: String(nameNode.value),
      value,
      syntax: 'map',
      nameNode,
      valueNode: value === undefined ? undefined : valueNode,
      valueWritten,
      interpolated: value !== undefined && isInterpolated(value),
      ...(inherited ? { inheritedRange: pairRange(map!, MERGE_KEY) } : {}),
    });
  }
  for (const entry of listEntries(asSeq(field?.value) ? field : undefined, document)) {
    const equals = entry.value.indexOf('=');
    const name = (equals >= 0 ? entry.value.slice(0, equals) : entry.value).trim();
    const value = equals >= 0 ? entry.value.slice(equals + 1) : undefined;
    entries.push({ name, value, syntax: 'list', nameNode: entry.node, valueNode: entry.node, valueWritten: entry.written, interpolated: value !== undefined && isInterpolated(value) });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// security_opt
// ---------------------------------------------------------------------------------------------

export interface SecurityOption extends ListEntry {
  /** Lower-cased option name: `no-new-privileges`, `seccomp`, `apparmor`, `label`, … */
  readonly name: string;
  /** What follows the first `:` or `=`; undefined for a bare `no-new-privileges`. */
  readonly optionValue: string | undefined;
}

export function securityOptions(service: ComposeService, field = serviceField(service, 'security_opt')): SecurityOption[] {
  return listEntries(field, service.document).map((entry) => {
    const at = entry.value.search(/[:=]/);
    return {
      ...entry,
      name: (at >= 0 ? entry.value.slice(0, at) : entry.value).trim().toLowerCase(),
      optionValue: at >= 0 ? entry.value.slice(at + 1).trim() : undefined,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The file around the service
// ---------------------------------------------------------------------------------------------

/** Top-level `version:` of the service's document, as text (`"2.4"`, `3.8`), if any. */
export function composeVersion(service: ComposeService): string | undefined {
  return scalarString(asMap(service.document.contents), 'version', service.document);
}

/** True for the legacy v2 file format (`version: "2"`, `"2.4"`): resource limits live on the service. */
export function isLegacyV2(service: ComposeService): boolean {
  return /^2(\.|$)/.test(composeVersion(service)?.trim() ?? '');
}

/** The top-level `volumes.<name>` definition, when the document declares it. */
export function topLevelVolume(service: ComposeService, name: string): YamlMap | undefined {
  const volumes = asMap(resolveNode(asMap(service.document.contents)?.items.find((pair) => keyIs(pair, 'volumes'))?.value, service.document));
  return asMap(resolveNode(volumes?.items.find((pair) => keyIs(pair, name))?.value, service.document));
}

// ---------------------------------------------------------------------------------------------
// small helpers
// ---------------------------------------------------------------------------------------------

function keyIs(pair: unknown, key: string): boolean {
  return isPair(pair) && isScalar(pair.key) && pair.key.value === key;
}

function scalarOf(map: YamlMap, key: string, document: YamlDocument): unknown {
  return asScalar(valueOf(map, key, document))?.value;
}

function scalarString(map: YamlMap | undefined, key: string, document: YamlDocument): string | undefined {
  if (!map) return undefined;
  const value = scalarOf(map, key, document);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Splits on `separator` except inside `${…}`. */
export function splitOutsideBraces(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '$' && text[i + 1] === '{') {
      depth++;
      current += '${';
      i++;
      continue;
    }
    if (char === '}' && depth > 0) depth--;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** A node's range without the trailing line break and blanks a block collection's range includes. */
export function contentRange(service: ComposeService, node: YamlNode): OffsetRange {
  const { start, end } = rangeOf(node);
  let trimmed = end;
  while (trimmed > start && /\s/.test(service.file.text[trimmed - 1]!)) trimmed--;
  return { start, end: trimmed };
}

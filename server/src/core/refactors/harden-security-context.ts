/**
 * `k8s/harden-security-context`: what a security reviewer would write into any workload's pod
 * spec, merged into what is there. Pod level: `runAsNonRoot: true`, `runAsUser` / `runAsGroup` /
 * `fsGroup` 10001 and `seccompProfile: {type: RuntimeDefault}`; every init and regular container:
 * `allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, `capabilities: {drop: [ALL]}`,
 * `privileged: false` — each only where unset. A container that gets a read-only root also gets an
 * `emptyDir` mounted at `/tmp` (unless something is mounted there already).
 *
 * An explicit value is never overwritten: an insecure one (`privileged: true`,
 * `allowPrivilegeEscalation: true`, `runAsNonRoot: false`, …) is changed only by the quick fix of
 * the finding that names it, and the offer's title lists what it left alone. Settings Kubernetes
 * would reject together are not added either (`allowPrivilegeEscalation: false` beside
 * `privileged: true` or an added `SYS_ADMIN`, `runAsNonRoot: true` beside `runAsUser: 0`).
 * It is offered only where it resolves a finding (not to add just `privileged: false` or `fsGroup`).
 * Ephemeral containers are not touched (they are added through the API, not the manifest), and
 * Windows pods are not offered it (the Linux settings are rejected there).
 */
import { describeResource, type KubernetesResource } from '../kubernetes/model';
import { containersOf, isWindowsPod, podSpecOf, type Container, type PodSpec } from '../kubernetes/workloads';
import { volumesOf } from '../kubernetes/volumes';
import { asMap, asSeq, hasValue, inheritsKey, mapAt, pairOf, scalarValue, seqItems, stringItems, stringValue, valueOf, type YamlMap } from '../yaml/yaml-document';
import { joinEdits, mergeInto, quotedLikeFirstItem, type YamlValue, type YamlValues } from '../yaml/yaml-edit';
import type { TextEdit } from '../engine/types';
import type { RefactorOffer, Refactoring } from './refactoring';

export const HARDENED_ID = '10001';
const TMP = '/tmp';
/** Capabilities whose addition makes Kubernetes reject `allowPrivilegeEscalation: false`. */
const SYS_ADMIN = new Set(['SYS_ADMIN', 'CAP_SYS_ADMIN']);

export const hardenSecurityContext: Refactoring<KubernetesResource> = {
  id: 'k8s/harden-security-context',
  description:
    'Merges a hardened securityContext into any workload: non-root UID/GID 10001, RuntimeDefault seccomp, no privilege escalation, read-only root filesystem (with an emptyDir at /tmp), all capabilities dropped, not privileged. Explicit values are kept; insecure ones are listed in the title.',
  offers(resource) {
    const podSpec = podSpecOf(resource);
    if (!podSpec || isWindowsPod(podSpec)) return [];
    const plan = new Plan(podSpec);
    const edits = plan.edits();
    // Only `privileged: false` or `fsGroup` left to add: nothing any rule reports, no lightbulb noise.
    if (edits.length === 0 || plan.resolves.size === 0) return [];
    return [
      {
        id: 'k8s/harden-security-context',
        title: plan.title(),
        range: resource.range,
        resolves: [...plan.resolves],
        edits,
        safe: false,
      } satisfies RefactorOffer,
    ];
  },
};

/** What the refactoring adds to one pod spec, and what it leaves alone. */
class Plan {
  readonly resolves = new Set<string>();
  private readonly leftAlone: string[] = [];
  private readonly notes = new Set<string>();
  private readonly containerEdits: TextEdit[] = [];
  private readonly pod: Record<string, YamlValue> = {};

  constructor(private readonly podSpec: PodSpec) {
    const document = podSpec.resource.document;
    // Ephemeral containers are added through the API, never written in a manifest's template.
    const containers = containersOf(podSpec).filter((container) => container.list !== 'ephemeralContainers');
    const tmpVolume = tmpVolumeName(podSpec);
    let needsTmpVolume = false;
    for (const container of containers) {
      if (this.isShared(container.node, 'securityContext', describe(container))) continue;
      const { securityContext: context } = container;
      if (!hasSecurityContext(container.node)) this.resolves.add('k8s/security-context-missing');
      const wanted: Record<string, YamlValue> = {};
      let mount: YamlValues | undefined;
      const where = describe(container);
      const privileged = scalarValue(context, 'privileged', document);
      const addsSysAdmin = stringItems(valueOf(mapAt(context, ['capabilities'], document), 'add', document), document).some(({ value }) => SYS_ADMIN.has(value));

      const escalation = scalarValue(context, 'allowPrivilegeEscalation', document);
      if (isUnset(context, 'allowPrivilegeEscalation')) {
        if (privileged === true || addsSysAdmin) {
          this.leftAlone.push(`allowPrivilegeEscalation unset (${where}: Kubernetes rejects \`false\` beside ${privileged === true ? '`privileged: true`' : 'an added `SYS_ADMIN`'})`);
        } else {
          wanted.allowPrivilegeEscalation = 'false';
          this.resolves.add('k8s/allow-privilege-escalation');
        }
      } else if (escalation !== false) {
        this.leftAlone.push(`\`allowPrivilegeEscalation: ${String(escalation)}\` (${where})`);
      }

      const readOnly = scalarValue(context, 'readOnlyRootFilesystem', document);
      if (isUnset(context, 'readOnlyRootFilesystem')) {
        wanted.readOnlyRootFilesystem = 'true';
        this.resolves.add('k8s/readonly-root-fs');
        if (!mountsTmp(container)) {
          needsTmpVolume = true;
          this.notes.add(`an emptyDir at ${TMP}`);
          mount = { name: tmpVolume.name, mountPath: TMP };
        }
      } else if (readOnly !== true) {
        this.leftAlone.push(`\`readOnlyRootFilesystem: ${String(readOnly)}\` (${where})`);
      }

      const capabilities = mapAt(context, ['capabilities'], document);
      const dropped = stringItems(valueOf(capabilities, 'drop', document), document);
      if (!dropped.some(({ value }) => value === 'ALL')) {
        wanted.capabilities = { drop: [quotedLikeFirstItem(podSpec.resource.file, asSeq(valueOf(capabilities, 'drop', document)), 'ALL')] };
        this.resolves.add('k8s/capabilities-not-restricted');
      }
      const added = stringItems(valueOf(capabilities, 'add', document), document).filter(({ value }) => value !== 'NET_BIND_SERVICE');
      if (added.length > 0) this.leftAlone.push(`\`capabilities.add: [${added.map(({ value }) => value).join(', ')}]\` (${where})`);

      if (isUnset(context, 'privileged')) wanted.privileged = 'false';
      else if (privileged !== false) this.leftAlone.push(`\`privileged: ${String(privileged)}\` (${where})`);

      if (scalarValue(context, 'runAsNonRoot', document) === false) this.leftAlone.push(`\`runAsNonRoot: false\` (${where})`);
      if (scalarValue(context, 'runAsUser', document) === 0) this.leftAlone.push(`\`runAsUser: 0\` (${where})`);
      if (stringValue(mapAt(context, ['seccompProfile'], document), 'type', document) === 'Unconfined') this.leftAlone.push(`\`seccompProfile.type: Unconfined\` (${where})`);

      // One merge per container, so its insertions come out in an order that nests correctly.
      const values: Record<string, YamlValue> = {};
      if (Object.keys(wanted).length > 0) values.securityContext = wanted;
      if (mount) values.volumeMounts = [mount];
      if (Object.keys(values).length > 0) this.containerEdits.push(...mergeInto(podSpec.resource.file, document, container.node, values));
    }
    this.planPod(containers);
    if (needsTmpVolume && !tmpVolume.exists) this.pod.volumes = [{ name: tmpVolume.name, emptyDir: {} }];
  }

  edits(): TextEdit[] {
    const { file, document } = this.podSpec.resource;
    // Containers are nested in the pod spec: their insertions go before the pod's at the same offset.
    const pod = Object.keys(this.pod).length > 0 ? mergeInto(file, document, this.podSpec.node, this.pod) : [];
    return joinEdits([...this.containerEdits, ...pod]);
  }

  title(): string {
    const resource = describeResource(this.podSpec.resource);
    const extras: string[] = [];
    if (this.resolves.has('k8s/run-as-low-uid')) extras.push(`UID/GID ${HARDENED_ID}: check the image runs as that user`);
    extras.push(...this.notes);
    let title = `Harden the securityContext of ${resource}`;
    if (extras.length > 0) title += ` (${extras.join('; ')})`;
    if (this.leftAlone.length > 0) title += `; left alone, for their own quick fixes: ${this.leftAlone.join(', ')}`;
    return title;
  }

  private planPod(containers: readonly Container[]): void {
    const { document } = this.podSpec.resource;
    if (this.isShared(this.podSpec.node, 'securityContext', 'pod')) return;
    const context = this.podSpec.securityContext;
    if (!hasSecurityContext(this.podSpec.node)) this.resolves.add('k8s/security-context-missing');
    const wanted: Record<string, YamlValue> = {};
    const rootUser = [context, ...containers.map((container) => container.securityContext)].some((site) => scalarValue(site, 'runAsUser', document) === 0);
    const nonRoot = scalarValue(context, 'runAsNonRoot', document);
    if (isUnset(context, 'runAsNonRoot')) {
      if (rootUser) this.leftAlone.push('runAsNonRoot unset (`runAsUser: 0` is set: Kubernetes would refuse to start the pod)');
      else {
        wanted.runAsNonRoot = 'true';
        this.resolves.add('k8s/run-as-non-root');
      }
    } else if (nonRoot !== true) {
      this.leftAlone.push(`\`runAsNonRoot: ${String(nonRoot)}\` (pod)`);
    }
    for (const field of ['runAsUser', 'runAsGroup', 'fsGroup'] as const) {
      if (isUnset(context, field)) {
        wanted[field] = HARDENED_ID;
        if (field !== 'fsGroup') this.resolves.add('k8s/run-as-low-uid');
      } else if (scalarValue(context, field, document) === 0) {
        this.leftAlone.push(`\`${field}: 0\` (pod)`);
      }
    }
    const seccomp = mapAt(context, ['seccompProfile'], document);
    const type = stringValue(seccomp, 'type', document);
    if (!hasValue(valueOf(seccomp, 'type', document))) {
      wanted.seccompProfile = { type: 'RuntimeDefault' };
      this.resolves.add('k8s/seccomp-not-set');
    } else if (type === 'Unconfined') {
      this.leftAlone.push('`seccompProfile.type: Unconfined` (pod)');
    }
    if (Object.keys(wanted).length > 0) this.pod.securityContext = wanted;
  }

  /**
   * A `securityContext` written as an alias, or inherited through a `<<` merge, is written
   * elsewhere and maybe shared with other places: it is not edited from here (and what it lacks is
   * not claimed as resolved).
   */
  private isShared(owner: YamlMap, key: string, where: string): boolean {
    const { document } = this.podSpec.resource;
    const pair = pairOf(owner, key);
    if (pair) {
      if (pair.value === valueOf(owner, key, document)) return false;
      this.leftAlone.push(`the aliased \`${key}\` (${where})`);
      return true;
    }
    if (!inheritsKey(owner, key, document)) return false;
    this.leftAlone.push(`the \`${key}\` that ${where === 'pod' ? 'the pod' : where} inherits through \`<<\``);
    return true;
  }
}

function describe(container: Container): string {
  const label = container.list === 'initContainers' ? 'init container' : 'container';
  return container.name !== undefined ? `${label} \`${container.name}\`` : `${label} #${container.index + 1}`;
}

/** No pair, or `key:` / `key: null` / `key: ~`. */
function isUnset(map: YamlMap | undefined, key: string): boolean {
  if (!map || !pairOf(map, key)) return true;
  const value = valueOf(map, key);
  return !hasValue(value);
}

/** A non-empty `securityContext` mapping (what security-context-missing asks for). */
function hasSecurityContext(owner: YamlMap): boolean {
  const value = valueOf(owner, 'securityContext');
  const map = asMap(value);
  return map !== undefined && map.items.length > 0;
}

function mountsTmp(container: Container): boolean {
  const document = container.podSpec.resource.document;
  return seqItems(valueOf(container.node, 'volumeMounts', document), document).some((item) => {
    const path = stringValue(asMap(item), 'mountPath', document);
    return path !== undefined && path.replace(/(?<!\/)\/+$/, '') === TMP;
  });
}

/** The name of the emptyDir to mount at /tmp: an existing emptyDir `tmp`, else the first free `tmp…` name. */
function tmpVolumeName(podSpec: PodSpec): { readonly name: string; readonly exists: boolean } {
  const volumes = volumesOf(podSpec);
  const named = (name: string) => volumes.find((volume) => volume.name === name);
  for (let attempt = 0; ; attempt++) {
    const name = attempt === 0 ? 'tmp' : `tmp-${attempt}`;
    const volume = named(name);
    if (!volume) return { name, exists: false };
    if (volume.sources.length === 1 && volume.sources[0] === 'emptyDir') return { name, exists: true };
  }
}

/**
 * The volumes of a pod spec and the mounts that use them: what host-path and volume-type rules
 * read. A volume's source is the one key beside `name` (`hostPath`, `emptyDir`, `nfs`, …).
 */
import type { OffsetRange } from '../engine/types';
import { asMap, asScalar, keyRange, keysOf, mapAt, rangeOf, scalarValue, seqItems, stringValue, valueOf, writtenValueOf, type YamlMap } from '../yaml/yaml-document';
import { containersOf, type Container, type PodSpec } from './workloads';

export interface Volume {
  readonly name: string | undefined;
  readonly node: YamlMap;
  /** The source keys written beside `name` (normally exactly one). */
  readonly sources: readonly string[];
}

export interface HostPathVolume extends Volume {
  /** The `hostPath` mapping. */
  readonly hostPath: YamlMap;
  /** `hostPath.path`, when written as a string. */
  readonly path: string | undefined;
  /** Where `hostPath.path` is written (the alias for `*name`), when it is a string. */
  readonly pathRange: OffsetRange | undefined;
  /** The `hostPath` key: where findings about the volume as a whole point. */
  readonly keyRange: OffsetRange;
}

export interface VolumeMount {
  readonly container: Container;
  readonly node: YamlMap;
  readonly name: string;
  readonly nameRange: OffsetRange;
  readonly mountPath: string | undefined;
  readonly readOnly: boolean;
}

/** Every `volumes[*]` mapping of the pod spec. */
export function volumesOf(podSpec: PodSpec): Volume[] {
  const document = podSpec.resource.document;
  return seqItems(valueOf(podSpec.node, 'volumes', document), document).flatMap((item) => {
    const node = asMap(item);
    if (!node) return [];
    const sources = keysOf(node, document).filter((key) => key !== 'name');
    return [{ name: stringValue(node, 'name', document), node, sources }];
  });
}

/** Volumes with a `hostPath` mapping (PSA's `volume.HostPath != nil`). */
export function hostPathVolumesOf(podSpec: PodSpec): HostPathVolume[] {
  const document = podSpec.resource.document;
  return volumesOf(podSpec).flatMap((volume) => {
    const hostPath = mapAt(volume.node, ['hostPath'], document);
    if (!hostPath) return [];
    const pathNode = asScalar(valueOf(hostPath, 'path', document));
    const path = typeof pathNode?.value === 'string' ? pathNode.value : undefined;
    const pathRange = path === undefined ? undefined : rangeOf(writtenValueOf(hostPath, 'path')!);
    return [{ ...volume, hostPath, path, pathRange, keyRange: keyRange(volume.node, 'hostPath') }];
  });
}

/** Every `volumeMounts[*]` with a name, across all containers of the pod. */
export function volumeMountsOf(podSpec: PodSpec): VolumeMount[] {
  const document = podSpec.resource.document;
  return containersOf(podSpec).flatMap((container) =>
    seqItems(valueOf(container.node, 'volumeMounts', document), document).flatMap((item) => {
      const node = asMap(item);
      const nameNode = asScalar(valueOf(node, 'name', document));
      if (!node || !nameNode || typeof nameNode.value !== 'string') return [];
      return [{
        container,
        node,
        name: nameNode.value,
        nameRange: rangeOf(writtenValueOf(node, 'name')!),
        mountPath: stringValue(node, 'mountPath', document),
        readOnly: scalarValue(node, 'readOnly', document) === true,
      }];
    }),
  );
}

/** `//var/lib//docker/` → `/var/lib/docker`. */
export function normaliseHostPath(path: string): string {
  const collapsed = path.trim().replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/(?<!\/)\/+$/, '') : collapsed;
}

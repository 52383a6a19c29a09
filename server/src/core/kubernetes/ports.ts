/**
 * The `ports` a container declares, with their numbers and names as written: what the port
 * rules and the probe-port rule read.
 */
import type { OffsetRange } from '../engine/types';
import { asMap, rangeOf, scalarValue, seqItems, stringValue, valueOf, writtenValueOf, type YamlMap } from '../yaml/yaml-document';
import type { Container } from './workloads';

export interface ContainerPort {
  readonly node: YamlMap;
  /** `containerPort` as a number, when it is one (or a numeric string). */
  readonly containerPort: number | undefined;
  /** Where `containerPort` is written (the alias for `*name`), when it is. */
  readonly containerPortRange: OffsetRange | undefined;
  readonly hostPort: number | undefined;
  readonly name: string | undefined;
  /** `TCP` unless written otherwise (upper-cased). */
  readonly protocol: string;
  readonly range: OffsetRange;
}

export function containerPortsOf(container: Container): ContainerPort[] {
  const document = container.podSpec.resource.document;
  return seqItems(valueOf(container.node, 'ports', document), document).flatMap((item) => {
    const node = asMap(item);
    if (!node) return [];
    const containerPortWritten = writtenValueOf(node, 'containerPort');
    return [{
      node,
      containerPort: portNumber(scalarValue(node, 'containerPort', document)),
      containerPortRange: containerPortWritten && rangeOf(containerPortWritten),
      hostPort: portNumber(scalarValue(node, 'hostPort', document)),
      name: stringValue(node, 'name', document),
      protocol: (stringValue(node, 'protocol', document) ?? 'TCP').toUpperCase(),
      range: rangeOf(node),
    }];
  });
}

/** A port number written as an integer or an all-digit string; anything else (templates, names) is undefined. */
export function portNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The `image` of every container of a pod, as the image rules read it: trimmed, and left out when
 * empty or filled in by a template (`${TAG}`, `$(VAR)`, `{{ .Values.tag }}`), which nobody can judge.
 */
import type { OffsetRange } from '../engine/types';
import { asScalar, rangeOf, valueOf, writtenValueOf } from '../yaml/yaml-document';
import { containersOf, type Container, type PodSpec } from './workloads';

const TEMPLATED = /\$\{|\$\(|\{\{/;

export interface ContainerImage {
  readonly container: Container;
  readonly image: string;
  /** Where the `image` value is written (the alias for `*name`). */
  readonly range: OffsetRange;
}

/** Whether a value is filled in by a template or variable substitution. */
export function isTemplated(value: string): boolean {
  return TEMPLATED.test(value);
}

export function containerImagesOf(podSpec: PodSpec): ContainerImage[] {
  const { document } = podSpec.resource;
  return containersOf(podSpec).flatMap((container) => {
    const node = asScalar(valueOf(container.node, 'image', document));
    const image = typeof node?.value === 'string' ? node.value.trim() : '';
    return node && image !== '' && !isTemplated(image) ? [{ container, image, range: rangeOf(writtenValueOf(container.node, 'image')!) }] : [];
  });
}

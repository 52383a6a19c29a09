/**
 * Image references as the distribution reference grammar reads them:
 * `[registry[:port]/]path[:tag][@digest]`. The first path component is a registry only if it
 * holds a `.` or a `:` or is `localhost`, so `host:5000/img` is untagged, not tagged `5000/img`.
 * Shared by Dockerfile `FROM` and Kubernetes/Compose `image:` fields.
 */
import type { OffsetRange } from '../engine/types';

export interface ImageReference {
  /** As written in the file (before variable substitution). */
  readonly written: string;
  /** After substitution of known variables. */
  readonly resolved: string;
  readonly range: OffsetRange;
  readonly registry: string | undefined;
  /** The repository path without registry, tag or digest, e.g. `library/node` or `node`. */
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** Range of the tag (without the `:`) when it can be located in the written text. */
  readonly tagRange: OffsetRange | undefined;
  readonly isScratch: boolean;
  /** True when a variable in the reference could not be resolved: judge nothing about it. */
  readonly unresolved: boolean;
  /** True when the reference names an earlier build stage rather than an image. */
  readonly isStageReference: boolean;
}

export interface ReferenceParts {
  readonly registry: string | undefined;
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export function splitImageReference(reference: string): ReferenceParts {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const name = at >= 0 ? reference.slice(0, at) : reference;
  const slash = name.indexOf('/');
  let registry: string | undefined;
  let rest = name;
  if (slash > 0) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = name.slice(slash + 1);
    }
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  return {
    registry,
    path: colon >= 0 ? rest.slice(0, colon) : rest,
    tag: colon >= 0 ? rest.slice(colon + 1) : undefined,
    digest,
  };
}

export function parseImageReference(
  written: string,
  resolved: string,
  range: OffsetRange,
  unresolved: boolean,
  isStageReference: boolean,
): ImageReference {
  const parts = splitImageReference(resolved);
  return {
    written,
    resolved,
    range,
    ...parts,
    tagRange: locateTag(written, parts.tag, range),
    isScratch: resolved.toLowerCase() === 'scratch',
    unresolved,
    isStageReference,
  };
}

/**
 * The tag's range, when the written reference spells it literally: `node:latest`, also
 * `${REGISTRY}/node:latest`, but not `node:${TAG}`.
 */
function locateTag(written: string, tag: string | undefined, range: OffsetRange): OffsetRange | undefined {
  if (tag === undefined || tag.includes('$')) return undefined;
  const { tag: writtenTag } = splitImageReference(written);
  if (writtenTag !== tag) return undefined;
  const at = written.indexOf('@');
  const nameEnd = at >= 0 ? at : written.length;
  const start = range.start + nameEnd - tag.length;
  return { start, end: start + tag.length };
}

/**
 * References from one build stage to another: `COPY --from=<stage>` and
 * `RUN --mount=…,from=<stage>`. BuildKit reads the value as a stage name (case-insensitive), a
 * stage index, or else an image reference. Shared by the rules about `--from`.
 */
import type { OffsetRange } from '../engine/types';
import type { DockerfileModel, DockerInstruction, Stage } from './model';
import { hasVariable, unquoteWord } from './word-value';

export interface StageReference {
  /** The reference after quote removal, e.g. `build` or `0`. */
  readonly value: string;
  readonly range: OffsetRange;
  readonly via: 'copy' | 'mount';
}

export type ResolvedStageReference =
  | { readonly kind: 'earlier'; readonly stage: Stage }
  | { readonly kind: 'self'; readonly stage: Stage }
  | { readonly kind: 'later'; readonly stage: Stage }
  | { readonly kind: 'badIndex'; readonly index: number }
  | { readonly kind: 'image' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'variable' };

/** The `--from` values of a `COPY` and the `from=` values of a `RUN --mount`. */
export function stageReferencesOf(instruction: DockerInstruction, model: DockerfileModel): StageReference[] {
  const references: StageReference[] = [];
  if (instruction.keyword === 'COPY') {
    for (const flag of instruction.flags) {
      if (flag.name.toLowerCase() !== 'from' || !flag.value || !flag.valueRange) continue;
      references.push({ value: unquoteWord(flag.value, model.escapeCharacter), range: flag.valueRange, via: 'copy' });
    }
  } else if (instruction.keyword === 'RUN') {
    for (const flag of instruction.flags) {
      if (flag.name.toLowerCase() !== 'mount' || !flag.value) continue;
      const from = mountFrom(flag.value);
      if (!from) continue;
      const raw = flag.valueRange ? model.text.slice(flag.valueRange.start, flag.valueRange.end) : undefined;
      // Point at `from=` value itself when the flag is written plainly, else at the whole flag.
      const range = raw === flag.value && flag.valueRange
        ? { start: flag.valueRange.start + from.offset, end: flag.valueRange.start + from.offset + from.value.length }
        : flag.range;
      references.push({ value: from.value, range, via: 'mount' });
    }
  }
  return references;
}

/** `type=cache,from=build,target=/x` → `build` and its offset in the value. */
function mountFrom(value: string): { value: string; offset: number } | undefined {
  let offset = 0;
  for (const field of value.split(',')) {
    const match = /^(\s*from\s*=\s*)(.*?)\s*$/i.exec(field);
    if (match) return match[2] ? { value: match[2], offset: offset + match[1]!.length } : undefined;
    offset += field.length + 1;
  }
  return undefined;
}

/** What a reference made from `instruction` points at, as BuildKit resolves it. */
export function resolveStageReference(model: DockerfileModel, instruction: DockerInstruction, value: string): ResolvedStageReference {
  const current = instruction.stage;
  if (hasVariable(value)) return { kind: 'variable' };
  if (/^\d+$/.test(value)) {
    const index = Number(value);
    const stage = model.stages[index];
    if (!stage) return { kind: 'badIndex', index };
    return classify(stage, current);
  }
  const name = value.toLowerCase();
  const named = model.stages.filter((stage) => stage.name === name);
  const earlier = current ? named.find((stage) => stage.index < current.index) : undefined;
  if (earlier) return { kind: 'earlier', stage: earlier };
  const other = named.find((stage) => stage === current) ?? named[0];
  if (other) return classify(other, current);
  return looksLikeImage(value) ? { kind: 'image' } : { kind: 'unknown' };
}

function classify(stage: Stage, current: Stage | undefined): ResolvedStageReference {
  if (current && stage.index < current.index) return { kind: 'earlier', stage };
  if (stage === current) return { kind: 'self', stage };
  return { kind: 'later', stage };
}

/** `alpine:3.20`, `ghcr.io/org/tool`, `docker.io/library/busybox@sha256:…`: not a bare name. */
function looksLikeImage(value: string): boolean {
  return /[/:.@]/.test(value);
}

/** The stage a stage is ultimately built on (following `FROM <stage>` links). */
export function rootStage(stage: Stage): Stage {
  let root = stage;
  for (let guard = 0; root.baseStage && guard < 64; guard++) root = root.baseStage;
  return root;
}

/** A stage's name as written (`Build`), or its index when it has none. */
export function stageLabel(model: DockerfileModel, stage: Stage): string {
  return stage.nameRange ? model.text.slice(stage.nameRange.start, stage.nameRange.end) : String(stage.index);
}

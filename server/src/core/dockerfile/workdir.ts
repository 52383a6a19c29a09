/**
 * `WORKDIR` paths as BuildKit applies them: quotes removed, relative paths joined to the
 * working directory before them (in the stage, or inherited from the stage it is built `FROM`).
 * Shared by the rules about working directories.
 */
import type { OffsetRange } from '../engine/types';
import type { DockerfileModel, DockerInstruction, Stage } from './model';
import { hasVariable, unquoteWord } from './word-value';

export interface Workdir {
  readonly instruction: DockerInstruction;
  /** The path as written, quotes removed. */
  readonly path: string;
  /** The words of the path (from the first to the last). */
  readonly range: OffsetRange;
  /** The path as written is a single word without quotes or escapes. */
  readonly plain: boolean;
  /** `variable`: it starts with a variable, which decides whether it is absolute. */
  readonly kind: 'absolute' | 'relative' | 'variable' | 'windows';
  /** The absolute, normalised directory after this instruction; undefined when unknown. */
  readonly resolved: string | undefined;
  /** The working directory before this instruction; undefined when unknown. */
  readonly previous: string | undefined;
}

/** Every `WORKDIR` of `stage` (not `ONBUILD` ones), in order. */
export function workdirsOf(model: DockerfileModel, stage: Stage, depth = 0): Workdir[] {
  let current = initialWorkdir(model, stage, depth);
  const workdirs: Workdir[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'WORKDIR' || instruction.onbuild) continue;
    const workdir = readWorkdir(model, instruction, current);
    if (!workdir) continue;
    workdirs.push(workdir);
    current = workdir.resolved;
  }
  return workdirs;
}

/** The working directory a stage starts in: its base stage's last, `/` for `scratch`, else unknown. */
function initialWorkdir(model: DockerfileModel, stage: Stage, depth: number): string | undefined {
  if (stage.baseStage && depth < 64) {
    const inherited = workdirsOf(model, stage.baseStage, depth + 1);
    const last = inherited[inherited.length - 1];
    return last ? last.resolved : initialWorkdir(model, stage.baseStage, depth + 1);
  }
  return stage.image.isScratch ? '/' : undefined;
}

function readWorkdir(model: DockerfileModel, instruction: DockerInstruction, previous: string | undefined): Workdir | undefined {
  const first = instruction.args[0];
  const last = instruction.args[instruction.args.length - 1];
  if (!first || !last) return undefined;
  const range = { start: first.range.start, end: last.range.end };
  // WORKDIR takes the rest of the line as one path; words on continuation lines join with a space.
  const raw = instruction.args.length === 1 || !model.text.slice(range.start, range.end).includes('\n')
    ? model.text.slice(range.start, range.end)
    : instruction.args.map((arg) => arg.value).join(' ');
  const path = unquoteWord(raw, model.escapeCharacter);
  const plain = instruction.args.length === 1 && path === raw;
  const base = { instruction, path, range, plain, previous };
  if (/^[A-Za-z]:([\\/]|$)/.test(raw) || raw.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(path)) return { ...base, kind: 'windows', resolved: undefined };
  // `$HOME/app`: the variable decides whether it is absolute; `/srv/$APP`, `app/$X` are still judged.
  if (/^\$(?:\{|[A-Za-z_])/.test(path)) return { ...base, kind: 'variable', resolved: undefined };
  const known = !hasVariable(raw);
  if (path.startsWith('/')) return { ...base, kind: 'absolute', resolved: known ? normalizePath(path) : undefined };
  return { ...base, kind: 'relative', resolved: known && previous !== undefined ? normalizePath(`${previous}/${path}`) : undefined };
}

/** `/a//b/./c/../d/` → `/a/b/d`; `..` above the root stays at the root. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * Which user a build step runs as: the last `USER` before it in its stage, or the user the
 * stage inherits from the stage it is built `FROM`. Shared by rules that care about root.
 */
import { substituteArgs, type DockerInstruction, type Stage } from './model';

export interface UserInEffect {
  /** The resolved user (`root`, `0:0`, `app`), or `unknown` when a variable decides it. */
  readonly user: string;
  /** The `USER` instruction that set it. */
  readonly instruction: DockerInstruction;
  /** The stage holding that instruction (an ancestor stage when inherited). */
  readonly stage: Stage;
}

/**
 * The user in effect in `stage` before offset `before` (the whole stage when omitted), or
 * undefined when no `USER` decides it: then the base image's default applies, usually root.
 * `ONBUILD USER` is ignored: it runs in someone else's build.
 */
export function userInEffect(
  stage: Stage,
  globalArgs: ReadonlyMap<string, string | undefined>,
  before = Number.POSITIVE_INFINITY,
): UserInEffect | undefined {
  for (let current: Stage | undefined = stage, guard = 0; current && guard < 64; current = current.baseStage, guard++) {
    const limit = current === stage ? before : Number.POSITIVE_INFINITY;
    const users = current.instructions.filter(
      (instruction) => instruction.keyword === 'USER' && !instruction.onbuild && instruction.args[0] && instruction.range.start < limit,
    );
    const last = users[users.length - 1];
    if (!last) continue;
    const resolved = substituteArgs(last.args[0]!.value, variablesBefore(current, last, globalArgs));
    // A user decided by a build argument without a default cannot be judged.
    return { user: resolved.complete ? resolved.value : 'unknown', instruction: last, stage: current };
  }
  return undefined;
}

/** `root`, `0`, `root:staff`, `0:0`. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim().toLowerCase();
  return name === 'root' || /^0+$/.test(name);
}

/**
 * Variables visible at `instruction` in its stage: the stage's `ARG`s (a bare `ARG X` takes the
 * global default) and `ENV`s declared before it. Global `ARG`s are not visible unless redeclared.
 */
function variablesBefore(stage: Stage, instruction: DockerInstruction, globalArgs: ReadonlyMap<string, string | undefined>) {
  const variables = new Map<string, string | undefined>();
  const fromEnv = new Set<string>();
  for (const candidate of stage.instructions) {
    if (candidate.range.start >= instruction.range.start) break;
    if (candidate.onbuild) continue;
    if (candidate.keyword === 'ARG') {
      for (const property of candidate.properties) {
        // ENV always wins over an ARG of the same name.
        if (!fromEnv.has(property.name)) variables.set(property.name, property.value ?? globalArgs.get(property.name));
      }
    } else if (candidate.keyword === 'ENV') {
      for (const property of candidate.properties) {
        variables.set(property.name, property.value);
        fromEnv.add(property.name);
      }
    }
  }
  return variables;
}

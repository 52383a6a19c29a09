/**
 * What the distroless refactoring reads from a stage: its `RUN` commands with the working
 * directory each runs in, its `ENV` values, and how the container starts (`ENTRYPOINT`/`CMD`).
 */
import { substituteArgs, type DockerfileModel, type DockerInstruction, type Stage } from '../../dockerfile/model';
import { baseName, unwrapCommand, type ShellCommand } from '../../dockerfile/shell';
import { hasVariable, unquoteWord } from '../../dockerfile/word-value';
import { normalizePath, workdirsOf } from '../../dockerfile/workdir';
import { repositoryName } from '../../images/repository-name';

export interface RunCommand {
  readonly instruction: DockerInstruction;
  /** The command itself (wrappers such as `env X=1` or `sudo` removed). */
  readonly command: ShellCommand;
  /** All commands of the same RUN, in order (for `export X=…` before the command). */
  readonly siblings: readonly ShellCommand[];
  /** Base name of the command word (`go`, `cargo`, `npm`). */
  readonly name: string;
  /** Argument values; undefined where a word depends on an expansion. */
  readonly args: readonly (string | undefined)[];
  /** The working directory the command runs in; undefined when unknown. */
  readonly cwd: string | undefined;
}

export interface StageFacts {
  readonly model: DockerfileModel;
  readonly stage: Stage;
  /** Repository of the image the stage (or its root stage) is built on, e.g. `golang`. */
  readonly repository: string;
  /** Its tag, lower-cased (`1.22-bookworm`), or '' when untagged. */
  readonly tag: string;
  readonly runs: readonly RunCommand[];
  /** Every `ENV` property set in the stage, last value wins (quotes removed). */
  readonly env: ReadonlyMap<string, string>;
  /** The working directory at the end of the stage; undefined when unknown or never set. */
  readonly workdir: string | undefined;
  /** Start of the container, or undefined when the stage has no `CMD`/`ENTRYPOINT`. */
  readonly entry: Entry | undefined;
  /** The instructions of the stage outside `ONBUILD`. */
  readonly own: readonly DockerInstruction[];
}

/** A `CMD` or `ENTRYPOINT`, read as the argv it runs. */
export interface Argv {
  readonly instruction: DockerInstruction;
  /** The words it runs; undefined when a shell is needed to read them (shell form with expansions, operators, quotes). */
  readonly words: readonly string[] | undefined;
  /** The working directory it runs in. */
  readonly cwd: string | undefined;
}

export interface Entry {
  readonly entrypoint: Argv | undefined;
  readonly cmd: Argv | undefined;
  /** Entrypoint words followed by command words: what the container runs; undefined when a shell must read them. */
  readonly argv: readonly string[] | undefined;
  /** True when the start needs a shell: shell-form with shell syntax, `sh -c`, a shell script. */
  readonly needsShell: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
/** Shell-form words that a shell would pass through unchanged. */
const PLAIN_WORD = /^[A-Za-z0-9_./:=,@%+-]+$/;

export function rootStageOf(stage: Stage): Stage {
  let root = stage;
  for (let guard = 0; root.baseStage && guard < 64; guard++) root = root.baseStage;
  return root;
}

export function factsOf(model: DockerfileModel, stage: Stage): StageFacts {
  const root = rootStageOf(stage);
  const own = stage.instructions.filter((instruction) => !instruction.onbuild);
  const workdirs = workdirsOf(model, stage);
  const cwdAt = (offset: number): string | undefined => {
    let cwd: string | undefined;
    for (const workdir of workdirs) if (workdir.instruction.range.start < offset) cwd = workdir.resolved;
    return cwd;
  };
  const runs: RunCommand[] = [];
  const env = new Map<string, string>();
  for (const instruction of own) {
    if (instruction.keyword === 'ENV') {
      for (const property of instruction.properties) env.set(property.name, unquoteWord(property.value ?? '', model.escapeCharacter));
    }
    if (instruction.keyword !== 'RUN') continue;
    const siblings = instruction.shell?.commands ?? [];
    let cwd = cwdAt(instruction.range.start);
    for (const raw of siblings) {
      const command = unwrapCommand(raw);
      if (!command.name) continue;
      const name = baseName(command.name);
      const args = command.args.map((arg) => arg.value);
      runs.push({ instruction, command, siblings, name, args, cwd });
      // `cd dir && …`: later commands of this RUN run there.
      if (name === 'cd' && raw.depth === 0) cwd = args[0] !== undefined && cwd !== undefined ? resolvePath(args[0], cwd) : args[0]?.startsWith('/') ? normalizePath(args[0]) : undefined;
    }
  }
  const last = workdirs[workdirs.length - 1];
  return {
    model,
    stage,
    repository: root.image.unresolved || root.image.isStageReference ? '' : repositoryName(root.image),
    tag: (root.image.tag ?? '').toLowerCase(),
    runs,
    env,
    workdir: last ? last.resolved : undefined,
    entry: entryOf(model, own, cwdAt),
    own,
  };
}

/** `path` resolved against `cwd` (undefined when relative to an unknown directory or variable). */
export function resolvePath(path: string, cwd: string | undefined): string | undefined {
  if (hasVariable(path) || path.includes('*') || path.includes('?')) return undefined;
  if (path.startsWith('/')) return normalizePath(path);
  if (path === '~' || path.startsWith('~/')) return undefined;
  return cwd === undefined ? undefined : normalizePath(`${cwd}/${path}`);
}

function entryOf(model: DockerfileModel, own: readonly DockerInstruction[], cwdAt: (offset: number) => string | undefined): Entry | undefined {
  const lastOf = (keyword: string) => own.filter((instruction) => instruction.keyword === keyword).pop();
  const read = (instruction: DockerInstruction | undefined): Argv | undefined => {
    if (!instruction) return undefined;
    const cwd = cwdAt(instruction.range.start);
    if (instruction.execForm) return { instruction, words: instruction.args.map((arg) => arg.value), cwd };
    const first = instruction.args[0];
    const lastArg = instruction.args[instruction.args.length - 1];
    if (!first || !lastArg) return { instruction, words: undefined, cwd };
    const raw = model.text.slice(first.range.start, lastArg.range.end);
    const words = raw.split(/[ \t]+/);
    return { instruction, words: !/[\r\n]/.test(raw) && words.every((word) => PLAIN_WORD.test(word)) ? words : undefined, cwd };
  };
  const entrypoint = read(lastOf('ENTRYPOINT'));
  const cmd = read(lastOf('CMD'));
  if (!entrypoint && !cmd) return undefined;
  // A shell-form ENTRYPOINT ignores CMD; an exec-form one takes CMD as its arguments.
  const parts = entrypoint ? (entrypoint.instruction.execForm ? [entrypoint, cmd] : [entrypoint]) : [cmd];
  const words = parts.every((part) => !part || part.words) ? parts.flatMap((part) => part?.words ?? []) : undefined;
  const program = words?.[0];
  const needsShell = words === undefined || (program !== undefined && (SHELLS.has(baseName(program)) || program.endsWith('.sh')));
  return { entrypoint, cmd, argv: needsShell ? undefined : words, needsShell };
}

/** True when `CGO_ENABLED=0` applies to `run` (on the command, exported before it, or set by `ENV`/`ARG`). */
export function cgoDisabled(facts: StageFacts, run: RunCommand): boolean {
  const off = (name: string, value: string | undefined) => name === 'CGO_ENABLED' && value === '0';
  const isOff = (command: ShellCommand) =>
    command.assignments.some((assignment) => off(assignment.name, assignment.value?.value)) ||
    command.args.some((arg) => arg.value === 'CGO_ENABLED=0');
  const original = run.siblings.find((sibling) => sibling.range.end >= run.command.range.end && sibling.range.start <= run.command.range.start);
  if (original && isOff(original)) return true;
  if (run.siblings.some((sibling) => sibling.range.start < run.command.range.start && sibling.name === 'export' && isOff(sibling))) return true;
  let value: string | undefined;
  for (const instruction of facts.own) {
    if (instruction.range.start >= run.instruction.range.start) break;
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    for (const property of instruction.properties) {
      if (property.name !== 'CGO_ENABLED') continue;
      const raw = property.value ?? (instruction.keyword === 'ARG' ? facts.model.globalArgs.get('CGO_ENABLED') : undefined);
      value = raw === undefined ? undefined : substituteArgs(unquoteWord(raw, facts.model.escapeCharacter), facts.model.globalArgs).value;
    }
  }
  return value === '0';
}

/** The value of option `name` (`-o x`, `-o=x`, `--target x`, `--target=x`); undefined when absent or dynamic. */
export function optionValue(args: readonly (string | undefined)[], ...names: string[]): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === undefined) continue;
    if (names.includes(arg)) return args[index + 1];
    for (const name of names) if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

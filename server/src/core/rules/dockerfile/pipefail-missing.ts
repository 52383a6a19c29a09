import type { DockerInstruction, Stage } from '../../dockerfile/model';
import { lineStartOf } from '../../dockerfile/run-edits';
import { baseName, type ShellCommand } from '../../dockerfile/shell';
import type { TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const pipefailMissing: DockerfileRule = {
  meta: {
    id: 'dockerfile/pipefail-missing',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: '`RUN` uses a pipe without `pipefail`',
    rationale:
      'A pipeline\'s exit status is its last command\'s: in `curl -fsSL https://… | tar xz` a failed download still ends with a successful `tar` of nothing, and the build goes on with a broken image. `pipefail` makes the pipeline fail when any part fails. A shell-form `RUN` (also a heredoc script) with a pipe is reported unless the `SHELL` in effect has `-o pipefail` (a `SHELL` set in a stage this one is built `FROM` counts, since the image keeps it), or the step runs `set -o pipefail` (`set -euo pipefail`) before its first pipe. Not judged: stages whose `SHELL` is not a POSIX shell (`pwsh`, `powershell`, `cmd`) or whose base image is Windows, exec-form `RUN` (no `SHELL`; a script given to `sh -c` decides for itself), and `ONBUILD RUN` (the image built on this one decides its `SHELL`).',
    remediation:
      'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the step (on Alpine and BusyBox images, which have no bash, `SHELL ["/bin/ash", "-o", "pipefail", "-c"]`), or start the step with `set -o pipefail &&` when its shell supports it (bash, zsh, ash; not every `/bin/sh` does).',
    messages: {
      missing: 'This pipe runs without `pipefail`: if `{first}` fails, the step still succeeds when `{last}` does. Set `SHELL ["{shell}", "-o", "pipefail", "-c"]` before it, or start the step with `set -o pipefail &&`.',
    },
    fix: 'suggestion',
    equivalents: { hadolint: ['DL4006'], trivy: ['DS-0032'], semgrep: ['set-pipefail'] },
    references: ['https://docs.docker.com/build/building/best-practices/#using-pipes', 'https://github.com/hadolint/hadolint/wiki/DL4006'],
    example: {
      insecure: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n',
      secure: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n',
    },
  },
  check(model, context) {
    const text = model.text;
    for (const stage of model.stages) {
      if (isWindows(stage)) continue;
      // Findings between two SHELL instructions share one fix, placed before the first of them.
      let groupStart: DockerInstruction | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.onbuild) continue;
        if (instruction.keyword === 'SHELL') {
          groupStart = undefined;
          continue;
        }
        if (instruction.keyword !== 'RUN' || instruction.execForm) continue;
        const shell = shellInEffect(stage, instruction.range.start);
        if (shell && (!isPosixShell(shell) || hasPipefail(shell))) continue;
        const commands = (instruction.shell?.commands ?? []).filter((command) => command.depth === 0);
        const first = commands.find((command) => command.pipeline !== undefined);
        if (!first || commands.some((command) => command.range.start < first.range.start && setsPipefail(command))) continue;
        const members = commands.filter((command) => command.pipeline === first.pipeline);
        const last = members.reduce((latest, command) => (command.range.end > latest.range.end ? command : latest), first);
        groupStart ??= instruction;
        const edit = pipefailFix(text, stage, shell, groupStart);
        context.report({
          messageId: 'missing',
          data: { first: nameOf(first), last: nameOf(last), shell: `/bin/${shellOfImage(stage) ?? 'bash'}` },
          range: { start: first.range.start, end: last.range.end },
          ...(edit ? { fix: { title: edit.title, edits: [edit.edit], safe: false as const } } : {}),
        });
      }
    }
  },
};

function nameOf(command: ShellCommand): string {
  return command.name ?? command.nameWord?.raw ?? 'the command';
}

/** The `SHELL` in effect at `before` in `stage`: its own last one, else the one it inherits from a stage it is built from. */
function shellInEffect(stage: Stage, before: number): DockerInstruction | undefined {
  for (let current: Stage | undefined = stage, guard = 0; current && guard < 64; current = current.baseStage, guard++) {
    const limit = current === stage ? before : Number.POSITIVE_INFINITY;
    const shells = current.instructions.filter((instruction) => instruction.keyword === 'SHELL' && !instruction.onbuild && instruction.args.length > 0 && instruction.range.start < limit);
    const last = shells[shells.length - 1];
    if (last) return last;
  }
  return undefined;
}

/** `C:\\Program Files\\PowerShell\\pwsh.exe` → `pwsh`. */
function programOf(shell: DockerInstruction): string {
  const path = shell.args[0]?.value ?? '';
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.exe$/, '');
}

function isPosixShell(shell: DockerInstruction): boolean {
  return !/^(?:pwsh|powershell|cmd)/.test(programOf(shell));
}

/** `-o pipefail`, also inside an option cluster (`-euo pipefail`). */
function hasPipefail(shell: DockerInstruction): boolean {
  const args = shell.args.map((arg) => arg.value);
  return args.some((arg, index) => /^-[a-zA-Z]*o$/.test(arg) && args[index + 1] === 'pipefail');
}

function setsPipefail(command: ShellCommand): boolean {
  if (command.name === undefined || baseName(command.name) !== 'set') return false;
  const args = command.args.map((arg) => arg.value);
  return args.some((arg, index) => arg !== undefined && /^-[a-zA-Z]*o$/.test(arg) && args[index + 1] === 'pipefail');
}

/** The image a stage ultimately starts from (following `FROM <stage>`). */
function rootImage(stage: Stage): Stage {
  let root = stage;
  for (let guard = 0; root.baseStage && guard < 64; guard++) root = root.baseStage;
  return root;
}

function isWindows(stage: Stage): boolean {
  const { path, tag } = rootImage(stage).image;
  return /windows|nanoserver|servercore/i.test(`${path}:${tag ?? ''}`);
}

/** Which shell the base image plausibly has: bash, BusyBox ash (Alpine, BusyBox), or none known. */
function shellOfImage(stage: Stage): 'bash' | 'ash' | undefined {
  const { image } = rootImage(stage);
  if (image.unresolved || image.isScratch) return undefined;
  const name = image.path.slice(image.path.lastIndexOf('/') + 1).toLowerCase();
  const path = image.path.toLowerCase();
  const tag = (image.tag ?? '').toLowerCase();
  if (/distroless|chainguard|scratch/.test(path) || name === 'static') return undefined;
  if (name === 'alpine' || name === 'busybox' || /(^|[-_.])alpine/.test(tag) || /(^|[-_.])busybox/.test(tag)) return 'ash';
  return 'bash';
}

/**
 * Adds `"-o", "pipefail"` to a bash/zsh/ash/ksh `SHELL` of this stage that lacks it, or inserts a
 * `SHELL` line for the image's shell before `before`. Undefined when no shell with `pipefail`
 * is known to exist in the image.
 */
function pipefailFix(text: string, stage: Stage, shell: DockerInstruction | undefined, before: DockerInstruction): { title: string; edit: TextEdit } | undefined {
  if (shell && shell.stage === stage && shell.execForm && /^(?:bash|zsh|ash|ksh|mksh)$/.test(programOf(shell))) {
    const dashC = shell.args.find((arg, index) => index > 0 && /^-[a-zA-Z]*c$/.test(arg.value));
    if (dashC) return { title: 'Add `-o pipefail` to the `SHELL`', edit: { start: dashC.range.start, end: dashC.range.start, newText: '"-o", "pipefail", ' } };
  }
  const available = shellOfImage(stage);
  if (!available) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const written = text.slice(before.keywordRange.start, before.keywordRange.end);
  const keyword = written === written.toLowerCase() ? 'shell' : 'SHELL';
  const line = `${keyword} ["/bin/${available}", "-o", "pipefail", "-c"]`;
  const lineStart = lineStartOf(text, before.range.start);
  return { title: `Insert \`${line}\``, edit: { start: lineStart, end: lineStart, newText: `${line}${eol}` } };
}

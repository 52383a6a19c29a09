import type { DockerfileModel, DockerInstruction } from '../../dockerfile/model';
import { baseName, unwrapOnce, wrapperOptionCount, type ShellCommand } from '../../dockerfile/shell';
import { isRootUser, userInEffect } from '../../dockerfile/users';
import type { TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const sudoUsage: DockerfileRule = {
  meta: {
    id: 'dockerfile/sudo-usage',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: '`sudo` is used in `RUN`',
    rationale:
      'A build step runs as the stage\'s current `USER`, root unless one is set, so `sudo` buys nothing at build time. Having it in the image does cost: a setuid-root binary and a sudoers policy that let any process in the container become root, and `sudo` behaves unpredictably without a terminal (TTY and signal forwarding). Every `RUN` is checked, including `ONBUILD RUN`, exec form, heredoc scripts and scripts passed to `sh -c`.',
    remediation:
      'Remove `sudo`. When a step needs root in a stage that runs as another user, switch with `USER root` before it and back to the unprivileged user after it; to drop privileges in an entrypoint, use `gosu` or `su-exec`.',
    messages: {
      root: '`sudo` in `RUN`: build steps here already run as root, so it only adds a setuid-root binary to the image. Remove `sudo`.',
      nonRoot: '`sudo` in `RUN` while the stage runs as `{user}`: put `USER root` before this step (and `USER {user}` after it) instead of using `sudo`.',
      onbuild: '`sudo` in `ONBUILD RUN`: the trigger runs as the user of the image that builds on this one. Remove `sudo` and let that build switch with `USER root` if needed.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL3004'], checkov: ['CKV2_DOCKER_1'], trivy: ['DS-0010'] },
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://github.com/hadolint/hadolint/wiki/DL3004'],
    example: {
      insecure: 'FROM debian:12\nRUN sudo apt-get update\n',
      secure: 'FROM debian:12\nRUN apt-get update\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN' || !instruction.stage) continue;
      const commands = instruction.shell?.commands ?? [];
      if (!commands.length) continue;
      const runAs = runningUser(model, instruction);
      for (const command of commands) {
        const sudo = sudoIn(command);
        if (!sudo?.nameWord) continue;
        const removal = removeSudo(model.text, sudo);
        const safe = runAs.kind === 'root';
        context.report({
          messageId: runAs.kind === 'onbuild' ? 'onbuild' : runAs.kind === 'root' ? 'root' : 'nonRoot',
          data: { user: runAs.kind === 'user' ? runAs.user : '' },
          range: sudo.nameWord.range,
          ...(removal ? { fix: { title: 'Remove `sudo`', edits: [removal], ...(safe ? {} : { safe: false as const }) } } : {}),
        });
      }
    }
  },
};

type RunningUser = { kind: 'root' } | { kind: 'user'; user: string } | { kind: 'onbuild' };

/** Who runs this step: root (a root `USER` or none at all, the base image default), another user, or unknown (ONBUILD). */
function runningUser(model: DockerfileModel, instruction: DockerInstruction): RunningUser {
  if (instruction.onbuild) return { kind: 'onbuild' };
  const decided = userInEffect(instruction.stage!, model.globalArgs, instruction.range.start);
  if (!decided || isRootUser(decided.user)) return { kind: 'root' };
  return { kind: 'user', user: decided.user === 'unknown' ? decided.instruction.args[0]!.value : decided.user };
}

/** `sudo …`, also behind other wrappers (`env X=1 sudo …`, `nohup sudo …`). */
function sudoIn(command: ShellCommand): ShellCommand | undefined {
  for (let current: ShellCommand | undefined = command, guard = 0; current && guard < 8; current = unwrapOnce(current), guard++) {
    if (current.name !== undefined && baseName(current.name) === 'sudo') return current;
  }
  return undefined;
}

/** `sudo` options that do not change who runs the command or how: `-E`, `-H`, `-n`, `-S`, `-k`. */
const HARMLESS_SHORT_FLAGS = /^-[EHnSk]+$/;
const HARMLESS_LONG_FLAGS = /^--(?:preserve-env(?:=.*)?|set-home|non-interactive|stdin|reset-timestamp)$/;

/** Words that mean something else at the start of a command than as an argument of `sudo`. */
const RESERVED_WORDS = new Set(['!', '{', '}', '[[', ']]', 'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', 'coproc']);

/** `sudo if …` or `sudo a[1]`: without sudo, a keyword, or an array element the shell tries to assign (`a[{x: 1}]` stops parsing). */
function readsDifferentlyAsCommand(word: string): boolean {
  return RESERVED_WORDS.has(word) || /^[A-Za-z_]\w*\[/.test(word);
}

/**
 * Deletes `sudo` and its own options, up to the command it runs (or its `VAR=value` operands,
 * which the shell then reads as the same environment). Undefined when removing it would change
 * more than privileges (`sudo -u app …`, `sudo -i …`), when it runs nothing (`sudo -v`), or when
 * its words cannot be located exactly in the file (a script in an escaped string).
 */
function removeSudo(text: string, sudo: ShellCommand): TextEdit | undefined {
  const options = sudo.args.slice(0, wrapperOptionCount(sudo));
  const operand = sudo.args[options.length];
  const name = sudo.nameWord!;
  if (!operand) return undefined;
  const harmless = options.every((option) => option.value !== undefined && (option.value === '--' || HARMLESS_SHORT_FLAGS.test(option.value) || HARMLESS_LONG_FLAGS.test(option.value)));
  const exact = [name, ...options, operand].every((word) => text.slice(word.range.start, word.range.end) === word.raw);
  if (!harmless || !exact || readsDifferentlyAsCommand(operand.raw)) return undefined;
  return { start: name.range.start, end: operand.range.start, newText: '' };
}

import { baseName } from '../../dockerfile/shell';
import type { DockerfileRule } from '../define';

export const cdInsteadOfWorkdir: DockerfileRule = {
  meta: {
    id: 'dockerfile/cd-instead-of-workdir',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: '`RUN cd …` changes directory instead of `WORKDIR`',
    rationale:
      'A `cd` lasts only for the `RUN` it is in, so steps that depend on the directory are easy to break when the `RUN` is split or reordered, and readers have to trace it. `WORKDIR` sets the directory for every following instruction and creates it when missing. Like hadolint, any `cd` command in a `RUN` is reported (once per `RUN`, at the first one), including in `sh -c` scripts, heredocs and `ONBUILD RUN`; the word `cd` elsewhere (an argument, a string) is not. A `cd` into a directory that only exists while the step runs (`cd "$(mktemp -d)"`) cannot be a `WORKDIR` and is not reported.',
    remediation:
      'Set the directory with `WORKDIR /path` before the step (absolute path). For a short detour, prefer tools\' own directory options (`make -C dir`, `tar -C dir`, `git -C dir`, `npm --prefix dir`).',
    messages: {
      cd: '`cd {directory}` only lasts for this `RUN`: use `WORKDIR` to set the directory (or the tool\'s own option, e.g. `make -C`).',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3003'], trivy: ['DS-0013'] },
    references: ['https://docs.docker.com/build/building/best-practices/#workdir', 'https://github.com/hadolint/hadolint/wiki/DL3003'],
    example: {
      insecure: 'FROM node:22\nCOPY . /app\nRUN cd /app && npm ci\n',
      secure: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const cd = (instruction.shell?.commands ?? []).find(
        (command) => command.name !== undefined && baseName(command.name) === 'cd' && command.nameWord !== undefined && !/\$\(|`/.test(command.args[0]?.raw ?? ''),
      );
      if (!cd?.nameWord) continue;
      const directory = cd.args.find((arg) => arg.value !== '--' && !/^-[LPe@]+$/.test(arg.value ?? ''));
      context.report({ messageId: 'cd', data: { directory: directory?.raw ?? '' }, range: { start: cd.nameWord.range.start, end: (directory ?? cd.nameWord).range.end } });
    }
  },
};

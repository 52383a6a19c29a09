import { baseName, unwrapCommand } from '../../dockerfile/shell';
import type { DockerfileRule } from '../define';

export const curlAndWget: DockerfileRule = {
  meta: {
    id: 'dockerfile/curl-and-wget',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A stage uses both `curl` and `wget`',
    rationale:
      '`curl` and `wget` do the same job: needing both means installing (and patching) two download tools, with their libraries, where one would do. Each build stage is judged on its own, as in hadolint: the first use of the second tool in a stage is reported. Only commands count (also behind `sudo`/`env`, in `sh -c` scripts and heredocs), not package names (`apt-get install curl wget`) or strings. `ONBUILD RUN` is left out: it runs in another build.',
    remediation: 'Pick one tool per stage and rewrite the other downloads with it (`wget -qO- URL` is `curl -fsSL URL`; `wget -O file URL` is `curl -fsSLo file URL`).',
    messages: {
      both: '`{second}` is used here, but this stage already uses `{first}` (line {line}). Use one download tool.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL4001'], trivy: ['DS-0014'] },
    references: ['https://github.com/hadolint/hadolint/wiki/DL4001'],
    example: {
      insecure: 'FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -qO /tmp/b.tgz https://example.com/b.tgz\n',
      secure: 'FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\n',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const first = new Map<string, number>();
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN' || instruction.onbuild) continue;
        for (const command of instruction.shell?.commands ?? []) {
          const tool = unwrapCommand(command);
          const name = tool.name === undefined ? '' : baseName(tool.name);
          if ((name !== 'curl' && name !== 'wget') || !tool.nameWord || first.has(name)) continue;
          first.set(name, tool.nameWord.range.start);
          const other = name === 'curl' ? 'wget' : 'curl';
          const otherAt = first.get(other);
          if (otherAt === undefined) continue;
          context.report({
            messageId: 'both',
            data: { first: other, second: name, line: model.lines.positionAt(otherAt).line + 1 },
            range: tool.nameWord.range,
          });
        }
      }
    }
  },
};

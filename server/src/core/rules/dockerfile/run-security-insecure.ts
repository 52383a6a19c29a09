import { lineStartOf } from '../../dockerfile/run-edits';
import { removeWord } from '../../dockerfile/word-edits';
import type { OffsetRange, TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const runSecurityInsecure: DockerfileRule = {
  meta: {
    id: 'dockerfile/run-security-insecure',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: '`RUN --security=insecure` runs a build step privileged',
    rationale:
      '`RUN --security=insecure` runs the step without the build sandbox, like `docker run --privileged`: all capabilities, no seccomp or AppArmor profile, access to host devices. A compromised package script or download in that step can take over the build host (or CI runner) and poison everything built on it. BuildKit only allows it when the build is started with `--allow security.insecure` and the builder grants the entitlement, which is easy to leave on. `ONBUILD RUN` is checked too.',
    remediation:
      'Remove `--security=insecure` and do the step without privileges: most steps that seem to need it (mounting, loop devices, nested containers) can be replaced by a dedicated tool, a build stage with the needed files prepared, or a runtime step.',
    messages: {
      insecure: '`--security=insecure` runs this step privileged, outside the build sandbox. Remove it.',
    },
    fix: 'safe',
    equivalents: { semgrep: ['run-security-insecure'] },
    references: ['https://docs.docker.com/reference/dockerfile/#run---security', 'https://docs.docker.com/reference/cli/docker/buildx/build/#allow'],
    example: {
      insecure: 'FROM debian:12\nRUN --security=insecure make install\n',
      secure: 'FROM debian:12\nRUN make install\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      for (const flag of instruction.flags) {
        if (flag.name.toLowerCase() !== 'security' || (flag.value ?? '').toLowerCase() !== 'insecure') continue;
        context.report({
          messageId: 'insecure',
          range: flag.range,
          fix: { title: 'Remove `--security=insecure`', edits: [removeFlag(model.text, flag.range, model.escapeCharacter)] },
        });
      }
    }
  },
};

/** Removes the flag; a flag alone on a continued line goes with its whole line. */
function removeFlag(text: string, range: OffsetRange, escape: string): TextEdit {
  const lineStart = lineStartOf(text, range.start);
  const rest = new RegExp(`^[ \\t]*\\${escape}[ \\t]*\\r?\\n`).exec(text.slice(range.end));
  if (rest && text.slice(lineStart, range.start).trim() === '') return { start: lineStart, end: range.end + rest[0].length, newText: '' };
  return removeWord(text, range);
}

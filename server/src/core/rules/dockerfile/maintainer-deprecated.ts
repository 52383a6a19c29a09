import type { DockerInstruction } from '../../dockerfile/model';
import type { DockerfileRule } from '../define';

export const maintainerDeprecated: DockerfileRule = {
  meta: {
    id: 'dockerfile/maintainer-deprecated',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: '`MAINTAINER` is deprecated',
    rationale:
      '`MAINTAINER` has been deprecated since Docker 1.13: it fills the image\'s legacy `Author` field, which tools and registries no longer show. A `maintainer` label (or the OCI `org.opencontainers.image.authors` label) is the supported way to record who maintains an image, and it can be read and filtered like any other label.',
    remediation:
      'Replace `MAINTAINER Jane Doe <jane@example.com>` with `LABEL maintainer="Jane Doe <jane@example.com>"` (or `LABEL org.opencontainers.image.authors="…"`). The fix does this, quoting the value and escaping `"`, `$` and the escape character so the label holds exactly the text written.',
    messages: {
      deprecated: '`MAINTAINER` is deprecated: use `LABEL maintainer="…"` instead.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL4000'], checkov: ['CKV_DOCKER_6'], trivy: ['DS-0022'] },
    references: ['https://docs.docker.com/reference/dockerfile/#maintainer-deprecated'],
    example: {
      insecure: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>',
      secure: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      const value = maintainerValue(model.text, instruction);
      const quoted = value === undefined ? undefined : doubleQuoted(value.text, model.escapeCharacter);
      context.report({
        messageId: 'deprecated',
        range: instruction.keywordRange,
        ...(value !== undefined && quoted !== undefined
          ? {
              fix: {
                title: 'Replace with `LABEL maintainer=…`',
                edits: [{ start: instruction.keywordRange.start, end: instruction.range.end, newText: `${labelKeyword(model.text, instruction)} maintainer=${quoted}` }],
                ...(value.exact ? {} : { safe: false as const }),
              },
            }
          : {}),
      });
    }
  },
};

/**
 * What `MAINTAINER` records: the rest of the instruction as written (quotes are literal there).
 * A value wrapped whole in one pair of quotes loses them, as its author meant. Over several
 * lines the words are joined with single spaces, which may differ from the original spacing.
 */
function maintainerValue(text: string, instruction: DockerInstruction): { text: string; exact: boolean } | undefined {
  const first = instruction.args[0];
  const last = instruction.args[instruction.args.length - 1];
  if (!first || !last) return undefined;
  const raw = text.slice(first.range.start, last.range.end);
  const singleLine = !raw.includes('\n');
  const written = singleLine ? raw : instruction.args.map((arg) => arg.value).join(' ');
  const wrapped = /^"([^"]*)"$/.exec(written) ?? /^'([^']*)'$/.exec(written);
  return { text: wrapped ? wrapped[1]! : written, exact: singleLine };
}

/** A double-quoted `LABEL` value that BuildKit reads back as `value`: `"`, `$` and the escape character are escaped. */
function doubleQuoted(value: string, escape: string): string {
  let quoted = '';
  for (const char of value) quoted += char === '"' || char === '$' || char === escape ? escape + char : char;
  return `"${quoted}"`;
}

/** `LABEL` in the keyword's own case style. */
function labelKeyword(text: string, instruction: DockerInstruction): string {
  const written = text.slice(instruction.keywordRange.start, instruction.keywordRange.end);
  if (written === written.toUpperCase()) return 'LABEL';
  if (written === written.toLowerCase()) return 'label';
  return 'Label';
}

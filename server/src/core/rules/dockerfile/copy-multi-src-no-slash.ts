import type { DockerWord } from '../../dockerfile/model';
import { unquoteWord } from '../../dockerfile/word-value';
import type { TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const copyMultiSrcNoSlash: DockerfileRule = {
  meta: {
    id: 'dockerfile/copy-multi-src-no-slash',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: '`COPY` with several sources has a destination without a trailing `/`',
    rationale:
      'With more than one source, the destination of `COPY` (and `ADD`) must be a directory and end with `/`; otherwise the build fails, or the sources are written over each other into one file. Inline heredoc sources count as sources. `.` (the working directory) is a directory already, and a destination that ends in a build argument (`$DEST`) is not judged, since its value may end with `/`.',
    remediation:
      'End the destination with `/`, e.g. `COPY package.json package-lock.json /app/`.',
    messages: {
      noSlash: '`{keyword}` copies {count} sources to `{dest}`, which does not end with `/`: with several sources the destination must be a directory. Write `{dest}/`.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL3021'], trivy: ['DS-0011'] },
    references: ['https://docs.docker.com/reference/dockerfile/#copy'],
    example: {
      insecure: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app',
      secure: 'FROM node:22-alpine\nCOPY package.json package-lock.json /app/',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.args.length < 3) continue;
      const destination = instruction.args[instruction.args.length - 1]!;
      const dest = unquoteWord(destination.value, model.escapeCharacter);
      if (dest.endsWith('/') || dest === '.' || /\$(?:\{(?:[^$}]|\$(?!\{))*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(dest)) continue;
      // Windows directories end with a backslash (`C:\\app\\`, written with `# escape=\``).
      if (dest.endsWith('\\') && (/^[A-Za-z]:/.test(dest) || model.escapeCharacter !== '\\')) continue;
      context.report({
        messageId: 'noSlash',
        data: { keyword: instruction.keyword, count: instruction.args.length - 1, dest },
        range: destination.range,
        fix: { title: `Write \`${dest}/\``, edits: [appendSlash(model.text, destination)] },
      });
    }
  },
};

/** Inserts `/` at the end of the word, inside its closing quote if it has one (`"/app"`, exec form). */
function appendSlash(text: string, word: DockerWord): TextEdit {
  const last = text[word.range.end - 1];
  const quoted = (last === '"' || last === "'") && word.range.end - word.range.start >= 2;
  const at = quoted ? word.range.end - 1 : word.range.end;
  return { start: at, end: at, newText: '/' };
}

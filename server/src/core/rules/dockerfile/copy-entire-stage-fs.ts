import { resolveStageReference, rootStage, stageLabel, stageReferencesOf } from '../../dockerfile/stage-refs';
import { hasVariable, unquoteWord } from '../../dockerfile/word-value';
import { normalizePath } from '../../dockerfile/workdir';
import type { RelatedLocation } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const copyEntireStageFs: DockerfileRule = {
  meta: {
    id: 'dockerfile/copy-entire-stage-fs',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: '`COPY --from` copies the whole filesystem of a stage or image',
    rationale:
      '`COPY --from=<stage> / …` copies everything the other stage or image holds: compilers, package caches, shells, credentials a build step left behind, and its `/etc` (users, groups, certificates) over the files of this stage. The point of a multi-stage build, an image with only what the program needs, is lost, and whatever a build step wrote anywhere ends up in the final image. Sources `/`, `.` and `/.` (paths in `--from` are relative to the source\'s root) are reported; a stage built `FROM scratch` holds only what was put into it on purpose, so copying all of it is fine.',
    remediation:
      'Copy only the paths the program needs, e.g. `COPY --from=build /app/bin/server /usr/local/bin/server`. If you want an export stage, collect the artifacts in a `FROM scratch` stage and copy that one whole.',
    messages: {
      stage: '`COPY --from={from} {source}` copies the whole filesystem of stage `{stage}`. Copy only the paths you need.',
      image: '`COPY --from={from} {source}` copies the whole filesystem of image `{from}`. Copy only the paths you need.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3067'] },
    references: ['https://docs.docker.com/build/building/multi-stage/', 'https://docs.docker.com/reference/dockerfile/#copy---from'],
    example: {
      insecure: 'FROM golang:1.23 AS build\nRUN go build -o /out/server ./cmd/server\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /',
      secure: 'FROM golang:1.23 AS build\nRUN go build -o /out/server ./cmd/server\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/server /usr/local/bin/server',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY' || instruction.onbuild || !instruction.stage || instruction.args.length < 2) continue;
      const reference = stageReferencesOf(instruction, model)[0];
      if (!reference) continue;
      const resolved = resolveStageReference(model, instruction, reference.value);
      if (resolved.kind === 'variable' || resolved.kind === 'badIndex') continue;
      const source = resolved.kind === 'earlier' || resolved.kind === 'later' || resolved.kind === 'self' ? resolved.stage : undefined;
      if (source && rootStage(source).image.isScratch) continue;
      for (const word of instruction.args.slice(0, -1)) {
        const value = unquoteWord(word.value, model.escapeCharacter);
        if (hasVariable(word.value) || !isRoot(value)) continue;
        const stageName = source ? stageLabel(model, source) : '';
        const related: RelatedLocation[] = source ? [{ range: source.nameRange ?? source.from.range, message: `stage \`${stageName}\` starts here` }] : [];
        context.report({
          messageId: source ? 'stage' : 'image',
          data: { from: reference.value, source: value, stage: stageName },
          range: word.range,
          ...(related.length > 0 ? { related } : {}),
        });
      }
    }
  },
};

/** `/`, `.`, `./`, `/.`, `//`, and `/*` or `*` (every entry of the root): the root of the source. */
function isRoot(path: string): boolean {
  if (/^(?:\.?\/)*\*$/.test(path)) return true;
  return normalizePath(path.startsWith('/') ? path : `/${path}`) === '/' && !path.includes('*');
}

import { resolveStageReference, stageLabel, stageReferencesOf } from '../../dockerfile/stage-refs';
import type { DockerfileRule } from '../define';

export const copyFromUnknown: DockerfileRule = {
  meta: {
    id: 'dockerfile/copy-from-unknown',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: '`COPY --from` does not name an earlier stage',
    rationale:
      'BuildKit reads a `--from` value that is not a stage name or index as an image reference. A mistyped stage name (`--from=buidl`) therefore pulls the image `docker.io/library/buidl:latest`: the build fails, or, worse, copies files from whatever image someone published under that name. A reference to a later stage works with BuildKit (it builds that stage first) but not with the legacy builder, and hides the build order from readers; an index past the last stage is an error. Values that look like image references (they contain `/`, `:`, `.` or `@`, e.g. `--from=alpine:3.20`) and values decided by build arguments are not judged. `RUN --mount=from=…` is checked the same way.',
    remediation:
      'Use the name (or index) of a stage defined earlier in the file, and define stages before the stages that copy from them. To copy from an image, write a full reference with a tag or digest, e.g. `--from=busybox:1.36`.',
    messages: {
      unknown: '`{ref}` names no stage of this file, so BuildKit pulls the image `{from}` (untagged, so `latest`). Fix the stage name, or pin the image (`{from}:<version>`).',
      later: '`{ref}` refers to stage `{stage}`, which is defined later (line {line}). Define it before the stages that copy from it.',
      badIndex: '`{ref}`: this file has only {count} stage(s), numbered from 0.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3022'] },
    references: ['https://docs.docker.com/reference/dockerfile/#copy---from', 'https://docs.docker.com/build/building/multi-stage/'],
    example: {
      insecure: 'FROM golang:1.23 AS build\nRUN go build -o /out/server .\n\nFROM alpine:3.20\nCOPY --from=buidl /out/server /usr/local/bin/server',
      secure: 'FROM golang:1.23 AS build\nRUN go build -o /out/server .\n\nFROM alpine:3.20\nCOPY --from=build /out/server /usr/local/bin/server',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.onbuild || !instruction.stage) continue;
      for (const reference of stageReferencesOf(instruction, model)) {
        const resolved = resolveStageReference(model, instruction, reference.value);
        const ref = reference.via === 'copy' ? `COPY --from=${reference.value}` : `RUN --mount=from=${reference.value}`;
        if (resolved.kind === 'unknown') {
          context.report({ messageId: 'unknown', data: { ref, from: reference.value }, range: reference.range });
        } else if (resolved.kind === 'later') {
          const stageRange = resolved.stage.nameRange ?? resolved.stage.from.range;
          context.report({
            messageId: 'later',
            data: { ref, stage: stageLabel(model, resolved.stage), line: model.lines.positionAt(stageRange.start).line + 1 },
            range: reference.range,
            related: [{ range: stageRange, message: 'the stage is defined here' }],
          });
        } else if (resolved.kind === 'badIndex') {
          context.report({ messageId: 'badIndex', data: { ref, count: model.stages.length }, range: reference.range });
        }
      }
    }
  },
};

import { resolveStageReference, stageLabel, stageReferencesOf } from '../../dockerfile/stage-refs';
import type { DockerfileRule } from '../define';

export const copyFromSelf: DockerfileRule = {
  meta: {
    id: 'dockerfile/copy-from-self',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: '`COPY --from` names the stage it is in',
    rationale:
      'A stage cannot copy from itself: its filesystem is what the instruction is building. BuildKit stops with a circular-dependency error. `COPY --from=<name>` and `COPY --from=<index>` are checked, and so is `RUN --mount=from=<stage>`, which has the same problem.',
    remediation:
      'Point `--from` at the earlier stage that produces the files, or, for files of this stage, use `RUN cp` or `COPY` from the build context.',
    messages: {
      copy: '`COPY --from={from}` refers to the stage it is in (`{stage}`): a stage cannot copy from itself. Use an earlier stage.',
      mount: '`RUN --mount=from={from}` refers to the stage it is in (`{stage}`): a stage cannot mount itself. Use an earlier stage.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3023'], trivy: ['DS-0006'] },
    references: ['https://docs.docker.com/reference/dockerfile/#copy---from'],
    example: {
      insecure: 'FROM golang:1.23 AS build\nRUN go build -o /out/server .\nCOPY --from=build /out/server /usr/local/bin/server',
      secure: 'FROM golang:1.23 AS build\nRUN go build -o /out/server .\n\nFROM alpine:3.20\nCOPY --from=build /out/server /usr/local/bin/server',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.onbuild || !instruction.stage) continue;
      for (const reference of stageReferencesOf(instruction, model)) {
        const resolved = resolveStageReference(model, instruction, reference.value);
        if (resolved.kind !== 'self') continue;
        context.report({
          messageId: reference.via,
          data: { from: reference.value, stage: stageLabel(model, resolved.stage) },
          range: reference.range,
          related: [{ range: resolved.stage.nameRange ?? resolved.stage.from.range, message: 'the stage this instruction is in' }],
        });
      }
    }
  },
};

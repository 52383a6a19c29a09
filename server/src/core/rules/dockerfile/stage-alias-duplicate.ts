import type { Stage } from '../../dockerfile/model';
import { stageLabel } from '../../dockerfile/stage-refs';
import type { DockerfileRule } from '../define';

export const stageAliasDuplicate: DockerfileRule = {
  meta: {
    id: 'dockerfile/stage-alias-duplicate',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'Two build stages have the same name',
    rationale:
      'Stage names must be unique: BuildKit stops with `duplicate stage name`, and builders that accept it resolve `FROM <name>`, `COPY --from=<name>` and `--target <name>` to one of the stages, so artifacts can silently come from the wrong one. Names are compared without regard to case, as BuildKit compares them (`AS Build` and `AS build` clash).',
    remediation:
      'Give each stage its own name, e.g. `AS build-api` and `AS build-web`, and update the `FROM`, `COPY --from` and `--target` references.',
    messages: {
      duplicate: 'Stage name `{name}` is already used by the stage on line {line}. Stage names must be unique.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3024'], checkov: ['CKV_DOCKER_11'], trivy: ['DS-0012'] },
    references: ['https://docs.docker.com/build/building/multi-stage/#name-your-build-stages'],
    example: {
      insecure: 'FROM golang:1.23 AS build\nRUN go build -o /out/api ./cmd/api\n\nFROM node:22 AS build\nRUN npm ci && npm run build',
      secure: 'FROM golang:1.23 AS build-api\nRUN go build -o /out/api ./cmd/api\n\nFROM node:22 AS build-web\nRUN npm ci && npm run build',
    },
  },
  check(model, context) {
    const first = new Map<string, Stage>();
    for (const stage of model.stages) {
      if (stage.name === undefined || !stage.nameRange) continue;
      const earlier = first.get(stage.name);
      if (!earlier) {
        first.set(stage.name, stage);
        continue;
      }
      const earlierRange = earlier.nameRange ?? earlier.from.range;
      context.report({
        messageId: 'duplicate',
        data: { name: stageLabel(model, stage), line: model.lines.positionAt(earlierRange.start).line + 1 },
        range: stage.nameRange,
        related: [{ range: earlierRange, message: `stage \`${stageLabel(model, earlier)}\` is first defined here` }],
      });
    }
  },
};

import type { DockerfileRule } from '../define';

export const multipleHealthcheck: DockerfileRule = {
  meta: {
    id: 'dockerfile/multiple-healthcheck',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A stage has more than one `HEALTHCHECK`',
    rationale:
      'Only the last `HEALTHCHECK` of a stage takes effect; earlier ones are silently dropped, so a check the author relies on may not be the one that runs. `HEALTHCHECK NONE` counts too (a later one disables the earlier checks). Each stage is checked on its own; `ONBUILD HEALTHCHECK` is not counted.',
    remediation:
      'Keep one `HEALTHCHECK` per stage. To test several things, combine them in one command or script, e.g. `HEALTHCHECK CMD /app/healthcheck.sh`.',
    messages: {
      ineffective: 'This `HEALTHCHECK` has no effect: the `HEALTHCHECK` on line {line} replaces it. Remove it or merge the checks.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3012'], trivy: ['DS-0023'] },
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    example: {
      insecure: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD curl -f http://localhost/status || exit 1',
      secure: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/status || exit 1',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const checks = stage.instructions.filter((instruction) => instruction.keyword === 'HEALTHCHECK' && !instruction.onbuild);
      const last = checks[checks.length - 1];
      for (const earlier of checks.slice(0, -1)) {
        context.report({
          messageId: 'ineffective',
          data: { line: model.lines.positionAt(last!.range.start).line + 1 },
          range: earlier.range,
          related: [{ range: last!.range, message: 'the `HEALTHCHECK` that takes effect' }],
        });
      }
    }
  },
};

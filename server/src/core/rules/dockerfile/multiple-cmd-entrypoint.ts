import type { DockerfileRule } from '../define';

export const multipleCmdEntrypoint: DockerfileRule = {
  meta: {
    id: 'dockerfile/multiple-cmd-entrypoint',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A stage has more than one `CMD` or `ENTRYPOINT`',
    rationale:
      'Only the last `CMD` and the last `ENTRYPOINT` of a stage take effect; earlier ones are silently dropped. Several of them usually mean a command that was meant to run does not (often a second process the author expected to start alongside the first), or a leftover that misleads the next reader. Each stage is checked on its own; `ONBUILD CMD` belongs to the images built on this one and is not counted.',
    remediation:
      'Keep one `CMD` and one `ENTRYPOINT` per stage and delete the others. To run several processes, start them from one entrypoint script or a process supervisor, or better, run them in separate containers.',
    messages: {
      ineffective: 'This `{keyword}` has no effect: a later `{keyword}` on line {line} replaces it. Remove it.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL4003', 'DL4004'], trivy: ['DS-0016', 'DS-0007'] },
    references: ['https://docs.docker.com/reference/dockerfile/#cmd', 'https://docs.docker.com/reference/dockerfile/#entrypoint'],
    example: {
      insecure: 'FROM python:3.12-slim\nCMD ["python", "worker.py"]\nCMD ["python", "server.py"]',
      secure: 'FROM python:3.12-slim\nCMD ["python", "server.py"]',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const instructions = stage.instructions.filter((instruction) => instruction.keyword === keyword && !instruction.onbuild);
        const last = instructions[instructions.length - 1];
        for (const earlier of instructions.slice(0, -1)) {
          context.report({
            messageId: 'ineffective',
            data: { keyword, line: model.lines.positionAt(last!.range.start).line + 1 },
            range: earlier.range,
            related: [{ range: last!.range, message: `the \`${keyword}\` that takes effect` }],
          });
        }
      }
    }
  },
};

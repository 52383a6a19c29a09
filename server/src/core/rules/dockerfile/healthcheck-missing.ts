import { finalStage, type DockerInstruction, type Stage } from '../../dockerfile/model';
import type { DockerfileRule } from '../define';

export const healthcheckMissing: DockerfileRule = {
  meta: {
    id: 'dockerfile/healthcheck-missing',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'The image has no `HEALTHCHECK`',
    rationale:
      'Without a `HEALTHCHECK` Docker and Swarm only know whether the process is alive, not whether it still serves: a hung or deadlocked service keeps receiving traffic and is never restarted, and `depends_on: condition: service_healthy` in Compose cannot wait for it. The final stage counts, with the stages it is built `FROM`; `HEALTHCHECK NONE` is an explicit choice and passes. Images whose final stage starts no program of its own (no `CMD` or `ENTRYPOINT`, e.g. base or build images) are not judged, and neither is a check inherited from an external base image, which this file cannot show. Kubernetes ignores `HEALTHCHECK` and uses its own probes, so this is information, not a warning.',
    remediation:
      'Add a `HEALTHCHECK` to the final stage that tests the service itself, e.g. `HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/server", "healthcheck"]` or `HEALTHCHECK CMD wget -q --spider http://localhost:8080/healthz || exit 1` (the command must exist in the image). For images run only on Kubernetes, define liveness and readiness probes instead and write `HEALTHCHECK NONE` to record the decision.',
    messages: {
      missing: 'The final stage has no `HEALTHCHECK`: Docker cannot tell when the service stops responding. Add `HEALTHCHECK CMD <command that tests the service>` (or `HEALTHCHECK NONE` if probes are defined elsewhere).',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3057'], checkov: ['CKV_DOCKER_2'], trivy: ['DS-0026'], cis: ['4.6'] },
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'CIS Docker Benchmark 4.6'],
    example: {
      insecure: 'FROM python:3.12-slim\nCOPY app/ /app/\nCMD ["python", "/app/server.py"]',
      secure: 'FROM python:3.12-slim\nCOPY app/ /app/\nHEALTHCHECK --interval=30s --timeout=3s CMD ["python", "/app/healthcheck.py"]\nCMD ["python", "/app/server.py"]',
    },
  },
  check(model, context) {
    const stage = finalStage(model);
    if (!stage) return;
    const chain = stageChain(stage);
    const has = (keyword: string) => chain.some((current) => current.instructions.some((instruction) => isOwn(instruction, keyword)));
    if (has('HEALTHCHECK') || !(has('CMD') || has('ENTRYPOINT'))) return;
    context.report({ messageId: 'missing', range: stage.from.range });
  },
};

/** `stage` and the stages it is built `FROM`, nearest first. */
function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage; current && chain.length < 64; current = current.baseStage) chain.push(current);
  return chain;
}

function isOwn(instruction: DockerInstruction, keyword: string): boolean {
  return instruction.keyword === keyword && !instruction.onbuild;
}

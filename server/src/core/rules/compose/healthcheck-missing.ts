import { hasField } from '../../compose/service-fields';
import { setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

export const healthcheckMissing: ComposeRule = {
  meta: {
    id: 'compose/healthcheck-missing',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service defines no `healthcheck`',
    rationale:
      'Without a health check Docker only knows whether the main process is alive, not whether it works: a hung or half-broken service keeps receiving traffic, `depends_on: condition: service_healthy` cannot wait for it, and restarts never happen. The image may define a `HEALTHCHECK`; the Compose file cannot tell, so this is informational.',
    remediation:
      'Add a `healthcheck:` with a `test` that exercises the service (an HTTP endpoint, `pg_isready`, …), an `interval`, `timeout` and `retries`; or confirm the image defines `HEALTHCHECK`.',
    messages: {
      missing: 'service `{name}` defines no `healthcheck` (unless its image has a `HEALTHCHECK`), so a hung service looks healthy. Add a `healthcheck:` that tests it.',
    },
    missingMessages: ['missing'],
    fix: 'suggestion',
    equivalents: {
      kics: ['healthcheck_not_set'],
      cis: ['5.27'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#healthcheck'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    healthcheck:\n      test: ["CMD", "curl", "-fsS", "http://localhost:8080/healthz"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n',
    },
  },
  check(service, context) {
    if (hasField(service, 'healthcheck')) return;
    context.report({
      messageId: 'missing',
      data: { name: service.name },
      range: service.nameRange,
      fix: {
        title: 'Add a healthcheck skeleton (replace the test command)',
        edits: setIn(service.file, service.document, service.node, ['healthcheck'], '{ test: ["CMD", "<health-command>"], interval: 30s, timeout: 5s, retries: 3 }'),
      },
    });
  },
};

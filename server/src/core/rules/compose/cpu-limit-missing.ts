import { reportMissingLimit } from '../../compose/resource-limits';
import type { ComposeRule } from '../define';

export const cpuLimitMissing: ComposeRule = {
  meta: {
    id: 'compose/cpu-limit-missing',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service has no CPU limit',
    rationale:
      'Without a CPU limit one busy or compromised service (a crypto miner, a request flood) can take every core of the host and starve the other services running there.',
    remediation:
      'Set `deploy.resources.limits.cpus` (or `cpus` on the service) to the share the service needs, e.g. `"0.50"` for half a core.',
    messages: {
      missing: '{service} has no CPU limit, so it can starve the other services on the host. Set `deploy.resources.limits.cpus` (e.g. `"0.50"`).',
      missingV2: '{service} has no CPU limit, so it can starve the other services on the host. Set `cpus` (e.g. `0.5`).',
    },
    missingMessages: ['missing', 'missingV2'],
    fix: 'suggestion',
    equivalents: {
      kics: ['cpus_not_limited'],
      cis: ['5.12'],
    },
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    deploy:\n      resources:\n        limits:\n          cpus: "0.50"\n',
    },
  },
  check(service, context) {
    reportMissingLimit(service, context, {
      limitKey: 'cpus',
      serviceFields: ['cpus', 'cpu_quota'],
      fix: { title: 'Add a CPU limit of half a core (adjust to the service)', value: '"0.50"' },
      legacyV2Fix: { title: 'Add cpus: 0.5 (adjust to the service)', field: 'cpus', value: '0.5' },
    });
  },
};

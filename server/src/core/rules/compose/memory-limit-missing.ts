import { reportMissingLimit } from '../../compose/resource-limits';
import type { ComposeRule } from '../define';

export const memoryLimitMissing: ComposeRule = {
  meta: {
    id: 'compose/memory-limit-missing',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service has no memory limit',
    rationale:
      'Without a memory limit one service can use all of the host\'s memory — through a leak, a large request or a deliberate attack — until the kernel\'s OOM killer stops processes, possibly other services or the Docker daemon.',
    remediation:
      'Set `deploy.resources.limits.memory` (or `mem_limit` in the legacy v2 file format) to what the service needs plus headroom, e.g. `512M`.',
    messages: {
      missing: '{service} has no memory limit, so it can exhaust the host\'s memory. Set `deploy.resources.limits.memory` (e.g. `512M`).',
      missingV2: '{service} has no memory limit, so it can exhaust the host\'s memory. Set `mem_limit` (e.g. `512m`).',
    },
    missingMessages: ['missing', 'missingV2'],
    fix: 'suggestion',
    equivalents: {
      kics: ['memory_not_limited'],
      cis: ['5.11'],
    },
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n',
    },
  },
  check(service, context) {
    reportMissingLimit(service, context, {
      limitKey: 'memory',
      serviceFields: ['mem_limit'],
      fix: { title: 'Add a 512M memory limit (adjust to the service)', value: '512M' },
      legacyV2Fix: { title: 'Add mem_limit: 512m (adjust to the service)', field: 'mem_limit', value: '512m' },
    });
  },
};

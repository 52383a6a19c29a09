import { describeService, fieldMap, hasField, isLegacyV2, serviceField } from '../../compose/service-fields';
import { mapAt, pairOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
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
    if (hasField(service, 'mem_limit')) return;
    const limits = mapAt(fieldMap(service, 'deploy'), ['resources', 'limits'], service.document);
    if (pairOf(limits, 'memory')) return;
    const v2 = isLegacyV2(service);
    const deploy = serviceField(service, 'deploy');
    const inheritedDeploy = deploy?.inherited === true && !v2;
    context.report({
      messageId: v2 ? 'missingV2' : 'missing',
      data: { service: describeService(service, inheritedDeploy ? deploy : undefined) },
      range: inheritedDeploy ? deploy.range : service.nameRange,
      ...(inheritedDeploy
        ? {}
        : {
            fix: {
              title: v2 ? 'Add mem_limit: 512m (adjust to the service)' : 'Add a 512M memory limit (adjust to the service)',
              edits: v2 ? setIn(service.file, service.document, service.node, ['mem_limit'], '512m') : setIn(service.file, service.document, service.node, ['deploy', 'resources', 'limits', 'memory'], '512M'),
            },
          }),
    });
  },
};

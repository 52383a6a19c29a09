import { describeService, fieldMap, hasField, isLegacyV2, serviceField } from '../../compose/service-fields';
import { mapAt, pairOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
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
    if (hasField(service, 'cpus') || hasField(service, 'cpu_quota')) return;
    const limits = mapAt(fieldMap(service, 'deploy'), ['resources', 'limits'], service.document);
    if (pairOf(limits, 'cpus')) return;
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
              title: v2 ? 'Add cpus: 0.5 (adjust to the service)' : 'Add a CPU limit of half a core (adjust to the service)',
              edits: v2 ? setIn(service.file, service.document, service.node, ['cpus'], '0.5') : setIn(service.file, service.document, service.node, ['deploy', 'resources', 'limits', 'cpus'], '"0.50"'),
            },
          }),
    });
  },
};

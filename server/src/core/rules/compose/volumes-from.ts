import { describeService, listEntries, serviceField } from '../../compose/service-fields';
import { rangeOf } from '../../yaml/yaml-document';
import type { ComposeRule } from '../define';

export const volumesFrom: ComposeRule = {
  meta: {
    id: 'compose/volumes-from',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service mounts every volume of another service (`volumes_from`)',
    rationale:
      '`volumes_from` mounts all volumes of another service or container, read-write unless `:ro` is given, including ones added later. The service gets access to data nobody chose to give it, and a compromise of either side reaches both.',
    remediation:
      'Mount the specific named volumes the service needs under `volumes:` (read-only where it only reads) instead of `volumes_from`.',
    messages: {
      shared: '{service} mounts every volume of `{source}` (`volumes_from`){access}. Mount only the named volumes it needs.',
    },
    fix: 'none',
    equivalents: {
      kics: ['shared_volumes_between_containers'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#volumes_from'],
    example: {
      insecure: 'services:\n  backup:\n    image: acme/backup:1.2\n    volumes_from: [db]\n',
      secure: 'services:\n  backup:\n    image: acme/backup:1.2\n    volumes:\n      - db-data:/data:ro\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'volumes_from');
    for (const entry of listEntries(field, service.document)) {
      const [source, mode] = entry.value.trim().replace(/^container:/, '').split(':');
      context.report({
        messageId: 'shared',
        data: { service: describeService(service, field), source: source ?? entry.value, access: mode === 'ro' ? ' read-only' : ', read-write' },
        range: field!.inherited ? field!.range : rangeOf(entry.written),
      });
    }
  },
};

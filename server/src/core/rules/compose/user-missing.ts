import { hasField } from '../../compose/service-fields';
import { setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

export const userMissing: ComposeRule = {
  meta: {
    id: 'compose/user-missing',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service does not set `user:` (runs as the image\'s user, often root)',
    rationale:
      'Without `user:` the service runs as whatever user its image names, and most images name none, which means root. Setting a numeric non-root user in the Compose file makes the choice visible and independent of how the image was built.',
    remediation:
      'Add `user: "10001:10001"` (a UID and GID that own only what the process writes), after checking that the image works as that user.',
    messages: {
      missing: '{service} does not set `user:`, so it runs as its image\'s user (root unless the image says otherwise). Add `user: "10001:10001"`.',
    },
    missingMessages: ['missing'],
    fix: 'suggestion',
    optIn: true,
    equivalents: {
      cis: ['4.1'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#user'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    user: "10001:10001"\n',
    },
  },
  check(service, context) {
    if (hasField(service, 'user')) return;
    context.report({
      messageId: 'missing',
      data: { service: `service \`${service.name}\`` },
      range: service.nameRange,
      fix: { title: 'Add user: "10001:10001" (make sure the image works as that user)', edits: setIn(service.file, service.document, service.node, ['user'], '"10001:10001"') },
    });
  },
};

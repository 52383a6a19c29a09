import { hasField } from '../../compose/service-fields';
import type { ComposeRule } from '../define';

export const securityOptMissing: ComposeRule = {
  meta: {
    id: 'compose/security-opt-missing',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service sets no `security_opt` at all',
    rationale:
      '`security_opt` is where a service states its confinement: `no-new-privileges`, a seccomp profile, an AppArmor profile or SELinux labels. A service without it relies entirely on the daemon\'s defaults, which differ between hosts (AppArmor and SELinux are only there when the host has them).',
    remediation:
      'Add a `security_opt` list with at least `no-new-privileges:true` (the `compose/no-new-privileges-missing` fix does this), and name custom AppArmor or SELinux profiles where the host uses them.',
    messages: {
      missing: 'service `{name}` sets no `security_opt`, so its confinement is whatever the host\'s daemon defaults to. Add `security_opt: ["no-new-privileges:true"]` and the profiles your hosts use.',
    },
    missingMessages: ['missing'],
    fix: 'none',
    equivalents: {
      kics: ['security_opt_not_set'],
      cis: ['5.2', '5.3'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#security_opt'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
  },
  check(service, context) {
    if (hasField(service, 'security_opt')) return;
    context.report({ messageId: 'missing', data: { name: service.name }, range: service.nameRange });
  },
};

import { reportSecurityOptions } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const apparmorUnconfined: ComposeRule = {
  meta: {
    id: 'compose/apparmor-unconfined',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service disables AppArmor (`apparmor:unconfined`)',
    rationale:
      'On hosts with AppArmor, Docker confines every container with the `docker-default` profile, which denies writes to `/proc` and `/sys` files and mounts that container escapes use. `apparmor:unconfined` removes that profile.',
    remediation:
      'Remove `apparmor:unconfined`, or load a custom profile that allows just what the service needs and name it (`apparmor:my-profile`).',
    messages: {
      unconfined: '{service} runs without an AppArmor profile (`{option}`). Remove the entry to get Docker\'s default profile.',
    },
    fix: 'safe',
    equivalents: {
      cis: ['5.2'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#security_opt'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - apparmor:unconfined\n      - no-new-privileges:true\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
  },
  check(service, context) {
    reportSecurityOptions(service, context, (option) => option.name === 'apparmor' && /^unconfined$/i.test(option.optionValue ?? ''), 'Remove apparmor:unconfined');
  },
};

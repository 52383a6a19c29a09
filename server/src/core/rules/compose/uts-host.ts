import { reportHostMode } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const utsHost: ComposeRule = {
  meta: {
    id: 'compose/uts-host',
    target: 'compose',
    defaultSeverity: 'warning',
    title: 'Service shares the host UTS namespace (`uts: host`)',
    rationale:
      'With the host\'s UTS namespace the container shares the host\'s hostname and NIS domain name, and with `SYS_ADMIN` can change them for the whole host; it also learns the host\'s name, which helps an attacker map the environment.',
    remediation:
      'Remove `uts: host`; set a name for the container with `hostname:` if the application needs one.',
    messages: {
      host: '{service} shares the host\'s UTS namespace (`uts: host`): it shares the host\'s hostname. Remove it.',
    },
    fix: 'suggestion',
    equivalents: {
      cis: ['5.21'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#uts'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    uts: host\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n',
    },
  },
  check(service, context) {
    reportHostMode(service, context, 'uts');
  },
};

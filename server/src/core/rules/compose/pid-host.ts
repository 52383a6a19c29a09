import { reportHostMode } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const pidHost: ComposeRule = {
  meta: {
    id: 'compose/pid-host',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service shares the host PID namespace (`pid: host`)',
    rationale:
      'With the host\'s process namespace the container sees every process on the host, including other containers\', with their command lines and environment; with enough privilege it can signal, trace or inject into them.',
    remediation:
      'Remove `pid: host`. Monitoring agents that need host processes belong on the host or in a dedicated, separately reviewed deployment.',
    messages: {
      host: '{service} shares the host\'s process namespace (`pid: host`): it sees every process on the host. Remove it.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['host_namespace_is_shared'],
      cis: ['5.16'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#pid'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    pid: host\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n',
    },
  },
  check(service, context) {
    reportHostMode(service, context, 'pid');
  },
};

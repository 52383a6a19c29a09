import { reportHostMode } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const usernsHost: ComposeRule = {
  meta: {
    id: 'compose/userns-host',
    target: 'compose',
    defaultSeverity: 'warning',
    title: 'Service opts out of user-namespace remapping (`userns_mode: host`)',
    rationale:
      'When the daemon remaps users (`userns-remap`), root in a container is an unprivileged user on the host. `userns_mode: host` switches that off for the service: its root is the host\'s root again.',
    remediation:
      'Remove `userns_mode: host`; if the service needs host-level access, review why rather than disabling the remapping.',
    messages: {
      host: '{service} disables user-namespace remapping (`userns_mode: host`): root in the container is root on the host. Remove it.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['shared_host_user_namespace', 'userns_set_to_host'],
      cis: ['5.31'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#userns_mode'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    userns_mode: host\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n',
    },
  },
  check(service, context) {
    reportHostMode(service, context, 'userns_mode');
  },
};

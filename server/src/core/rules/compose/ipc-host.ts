import { reportHostMode } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const ipcHost: ComposeRule = {
  meta: {
    id: 'compose/ipc-host',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service shares the host IPC namespace (`ipc: host`)',
    rationale:
      'With the host\'s IPC namespace the container can read and write the shared memory segments, semaphores and message queues of host processes, which often hold data other processes consider private.',
    remediation:
      'Remove `ipc: host`, or use `ipc: shareable` on one service and `ipc: "service:<name>"` on the services that really need to share memory.',
    messages: {
      host: '{service} shares the host\'s IPC namespace (`ipc: host`): it can reach shared memory of host processes. Remove it.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['shared_host_ipc_namespace', 'ipc_set_to_host'],
      cis: ['5.17'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#ipc'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    ipc: host\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n',
    },
  },
  check(service, context) {
    reportHostMode(service, context, 'ipc');
  },
};

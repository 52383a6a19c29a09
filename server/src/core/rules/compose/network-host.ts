import { reportHostMode } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const networkHost: ComposeRule = {
  meta: {
    id: 'compose/network-host',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service uses the host network (`network_mode: host`)',
    rationale:
      'With the host\'s network namespace the container sees every interface of the host, can bind any host port and reach services that listen only on localhost (databases, metadata endpoints, the Docker API on TCP); its own ports bypass Docker\'s port publishing and firewall rules.',
    remediation:
      'Remove `network_mode: host`, publish the ports the service serves with `ports:` (bound to `127.0.0.1` where possible) and put services that talk to each other on a user-defined network.',
    messages: {
      host: '{service} uses the host\'s network namespace (`network_mode: host`): it sees every host interface and services bound to localhost. Remove it and publish the ports it needs.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['shared_host_network_namespace', 'network_mode_host_exists'],
      cis: ['5.10'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#network_mode'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    network_mode: host\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n',
    },
  },
  check(service, context) {
    reportHostMode(service, context, 'network_mode');
  },
};

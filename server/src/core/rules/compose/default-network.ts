import { hasField } from '../../compose/service-fields';
import type { ComposeRule } from '../define';

export const defaultNetwork: ComposeRule = {
  meta: {
    id: 'compose/default-network',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service uses only the default network',
    rationale:
      'A service without `networks:` joins the project\'s default network, where every other service of the project can reach every port it listens on. Named networks let you separate tiers (a database reachable only from the API, not from the public web front end).',
    remediation:
      'Declare top-level `networks:` for each tier and list in each service only the networks it needs.',
    messages: {
      missing: 'service `{name}` has no `networks:`, so it shares the default network with every service of the project. Attach it to named networks for its tier.',
    },
    missingMessages: ['missing'],
    fix: 'none',
    equivalents: {
      kics: ['networks_not_set'],
      cis: ['5.30'],
    },
    references: ['https://docs.docker.com/compose/how-tos/networking/#specify-custom-networks'],
    example: {
      insecure: 'services:\n  db:\n    image: postgres:16.4\n',
      secure: 'services:\n  db:\n    image: postgres:16.4\n    networks: [backend]\nnetworks:\n  backend: {}\n',
    },
  },
  check(service, context) {
    if (hasField(service, 'networks') || hasField(service, 'network_mode')) return;
    context.report({ messageId: 'missing', data: { name: service.name }, range: service.nameRange });
  },
};

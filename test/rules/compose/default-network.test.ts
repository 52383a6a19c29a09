import { defaultNetwork } from '../../../server/src/core/rules/compose/default-network';
import { testRule } from '../../support/rule-tester';

testRule(defaultNetwork, {
  valid: [{ name: 'named networks or a network mode', fileName: 'compose.yaml', text: 'services:\n  a:\n    networks: [backend]\n  b:\n    network_mode: "service:a"\nnetworks:\n  backend: {}\n' }],
  invalid: [
    {
      name: 'one of two services',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    image: acme/a:1\n  b:\n    networks: [backend]\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'info' }],
      noFix: true,
    },
  ],
});

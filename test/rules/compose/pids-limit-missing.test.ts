import { pidsLimitMissing } from '../../../server/src/core/rules/compose/pids-limit-missing';
import { testRule } from '../../support/rule-tester';

testRule(pidsLimitMissing, {
  valid: [
    { name: 'positive limits, deploy pids, interpolation', fileName: 'compose.yaml', text: 'services:\n  a:\n    pids_limit: 200\n  b:\n    deploy: {resources: {limits: {pids: 100}}}\n  c:\n    pids_limit: ${PIDS}\n' },
  ],
  invalid: [
    {
      name: 'missing, -1 and 0',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    image: acme/a:1\n  b:\n    pids_limit: -1 # unlimited\n  c:\n    pids_limit: 0\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'info' },
        { line: 5, column: 5, endLine: 5, endColumn: 19, messageId: 'unlimited', messageIncludes: ['`pids_limit: -1`'] },
        { line: 7, column: 5, endLine: 7, endColumn: 18, messageId: 'unlimited' },
      ],
      fixedText: 'services:\n  a:\n    image: acme/a:1\n    pids_limit: 100\n  b:\n    pids_limit: 100 # unlimited\n  c:\n    pids_limit: 100\n',
    },
  ],
});

import { restartPolicy } from '../../../server/src/core/rules/compose/restart-policy';
import { testRule } from '../../support/rule-tester';

testRule(restartPolicy, {
  valid: [
    { name: 'on-failure with few retries, no, unset, interpolated, limited deploy policy', fileName: 'compose.yaml', text: 'services:\n  a:\n    restart: on-failure:5\n  b:\n    restart: "no"\n  c:\n    image: x:1\n  d:\n    restart: ${RESTART}\n  e:\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n' },
  ],
  invalid: [
    {
      name: 'always, unless-stopped, on-failure without and with too many retries, deploy policy without max_attempts',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    restart: always\n  b:\n    restart: unless-stopped\n  c:\n    restart: on-failure\n  d:\n    restart: on-failure:10\n  e:\n    deploy:\n      restart_policy:\n        condition: any\n',
      findings: [
        { line: 3, column: 14, endLine: 3, endColumn: 20, messageId: 'unlimited', messageIncludes: ['Service `a`', '`restart: always`'], severity: 'info' },
        { line: 5, column: 14, endLine: 5, endColumn: 28, messageId: 'unlimited' },
        { line: 7, column: 14, endLine: 7, endColumn: 24, messageId: 'unlimited' },
        { line: 9, column: 14, endLine: 9, endColumn: 27, messageId: 'tooMany' },
        { line: 12, column: 7, endLine: 12, endColumn: 21, messageId: 'deployUnlimited', messageIncludes: ['`any`'] },
      ],
      noFix: true,
    },
  ],
});

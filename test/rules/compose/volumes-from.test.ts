import { volumesFrom } from '../../../server/src/core/rules/compose/volumes-from';
import { testRule } from '../../support/rule-tester';

testRule(volumesFrom, {
  valid: [{ name: 'named volumes instead', fileName: 'compose.yaml', text: 'services:\n  a:\n    volumes: ["data:/data:ro"]\n' }],
  invalid: [
    {
      name: 'service and container sources, read-only and read-write',
      fileName: 'compose.yaml',
      text: 'services:\n  backup:\n    volumes_from:\n      - db:ro\n      - container:legacy\n',
      findings: [
        { line: 4, column: 9, endLine: 4, endColumn: 14, messageId: 'shared', messageIncludes: ['Service `backup`', '`db`', 'read-only'], severity: 'info' },
        { line: 5, column: 9, endLine: 5, endColumn: 25, messageId: 'shared', messageIncludes: ['`legacy`', 'read-write'] },
      ],
      noFix: true,
    },
  ],
});

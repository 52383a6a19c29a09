import { privileged } from '../../../server/src/core/rules/compose/privileged';
import { testRule } from '../../support/rule-tester';

testRule(privileged, {
  valid: [
    { fixture: 'compose.pass.yaml', name: 'false, and ${VAR} interpolation is not judged' },
    { name: 'no privileged key', fileName: 'docker-compose.yml', text: 'services:\n  web:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'several services, one inheriting through a `<<` merge; the fix touches only `agent`',
      findings: [
        { line: 13, column: 5, endLine: 13, endColumn: 21, messageId: 'privileged', messageIncludes: ['Service `agent`', '`privileged: true`'], severity: 'error' },
        { line: 17, column: 5, endLine: 17, endColumn: 18, messageId: 'privileged', messageIncludes: ['Service `legacy` (through its `<<` merge)'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
      remainingAfterFix: 1,
    },
    {
      fixture: 'compose.crlf.yaml',
      name: 'CRLF line endings, last line',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 21, messageId: 'privileged' }],
      fixedFixture: 'compose.crlf.fixed.yaml',
    },
    {
      name: 'flow mapping service',
      fileName: 'compose.yaml',
      text: 'services:\n  app: { image: "acme/app:1.0", privileged: true }\n',
      findings: [{ line: 2, column: 33, endLine: 2, endColumn: 49, messageId: 'privileged' }],
      fixedText: 'services:\n  app: { image: "acme/app:1.0" }\n',
    },
  ],
});

import { noNewPrivilegesMissing } from '../../../server/src/core/rules/compose/no-new-privileges-missing';
import { testRule } from '../../support/rule-tester';

testRule(noNewPrivilegesMissing, {
  valid: [
    { name: 'bare, :true and =true forms', fileName: 'compose.yaml', text: 'services:\n  a:\n    security_opt: [no-new-privileges]\n  b:\n    security_opt:\n      - no-new-privileges:true\n  c:\n    security_opt: ["no-new-privileges=true"]\n' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'missing key, block and flow lists without it, =false, inherited through a merge',
      findings: [
        { line: 5, column: 3, endLine: 5, endColumn: 7, messageId: 'missing', messageIncludes: ['Service `none`'], severity: 'warning' },
        { line: 9, column: 5, endLine: 9, endColumn: 17, messageId: 'listMissing', messageIncludes: ['Service `list`'] },
        { line: 13, column: 5, endLine: 13, endColumn: 17, messageId: 'listMissing' },
        { line: 17, column: 9, endLine: 17, endColumn: 32, messageId: 'disabled', messageIncludes: ['`no-new-privileges=false`'] },
        { line: 19, column: 5, endLine: 19, endColumn: 19, messageId: 'listMissing', messageIncludes: ['(through its `<<` merge)'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
      remainingAfterFix: 1,
    },
    {
      name: 'CRLF',
      fileName: 'compose.yaml',
      text: 'services:\r\n  a:\r\n    image: acme/a:1\r\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing' }],
      fixedText: 'services:\r\n  a:\r\n    image: acme/a:1\r\n    security_opt: ["no-new-privileges:true"]\r\n',
    },
  ],
});

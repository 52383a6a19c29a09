import { runSecurityInsecure } from '../../../server/src/core/rules/dockerfile/run-security-insecure';
import { testRule } from '../../support/rule-tester';

testRule(runSecurityInsecure, {
  valid: [{ fixture: 'pass-sandbox.Dockerfile', name: 'sandbox, an echo argument, a comment' }],
  invalid: [
    {
      fixture: 'fail-insecure.Dockerfile',
      name: 'first flag, alone on a continued line, after another flag with exec form, upper-case value, ONBUILD, lowercase',
      findings: [
        { line: 3, column: 5, endLine: 3, endColumn: 24, messageId: 'insecure', severity: 'error' },
        { line: 5, column: 5, endLine: 5, endColumn: 24, messageId: 'insecure' },
        { line: 7, column: 20, endLine: 7, endColumn: 39, messageId: 'insecure' },
        { line: 8, column: 13, endLine: 8, endColumn: 32, messageId: 'insecure' },
      ],
      fixedFixture: 'fail-insecure.fixed.Dockerfile',
    },
    {
      name: 'CRLF and a backtick escape',
      text: '# escape=`\r\nFROM debian:12\r\nRUN --network=host `\r\n    --security=insecure `\r\n    make\r\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 24, messageId: 'insecure' }],
      fixedText: '# escape=`\r\nFROM debian:12\r\nRUN --network=host `\r\n    make\r\n',
    },
  ],
});

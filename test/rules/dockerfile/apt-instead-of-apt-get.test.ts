import { aptInsteadOfAptGet } from '../../../server/src/core/rules/dockerfile/apt-instead-of-apt-get';
import { testRule } from '../../support/rule-tester';

testRule(aptInsteadOfAptGet, {
  valid: [
    { fixture: 'pass-apt-get.Dockerfile', name: 'apt-get, apt-cache, aptitude; apt as a package, an argument, in CMD' },
  ],
  invalid: [
    {
      fixture: 'fail-apt.Dockerfile',
      name: 'apt update, /usr/bin/apt behind sudo after a comment line, apt list, exec form full-upgrade, sh -c, ONBUILD',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 8, messageId: 'apt', severity: 'info', messageIncludes: ['`apt-get update`'] },
        { line: 4, column: 10, endLine: 4, endColumn: 22, messageId: 'apt' },
        { line: 4, column: 42, endLine: 4, endColumn: 45, messageId: 'aptOnly', messageIncludes: ['`apt list`', '`apt-cache`'] },
        { line: 5, column: 6, endLine: 5, endColumn: 11, messageId: 'aptOnly', messageIncludes: ['`apt full-upgrade`'] },
        { line: 6, column: 30, endLine: 6, endColumn: 33, messageId: 'apt' },
        { line: 7, column: 13, endLine: 7, endColumn: 16, messageId: 'apt' },
      ],
      fixedFixture: 'fail-apt.fixed.Dockerfile',
      remainingAfterFix: 2,
    },
    {
      name: 'exec form keeps the JSON valid',
      text: 'FROM debian:12\nRUN ["apt", "install", "-y", "curl"]\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 11, messageId: 'apt' }],
      fixedText: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    },
  ],
});

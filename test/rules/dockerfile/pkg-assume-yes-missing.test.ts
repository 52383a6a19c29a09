import { pkgAssumeYesMissing } from '../../../server/src/core/rules/dockerfile/pkg-assume-yes-missing';
import { testRule } from '../../support/rule-tester';

testRule(pkgAssumeYesMissing, {
  valid: [
    { fixture: 'pass-assume-yes.Dockerfile', name: '-y, --yes, --assume-yes, -qq, -q=2, -o Assume-Yes, yes |, --assumeyes, zypper -n, managers that do not ask' },
    { name: 'a subcommand that does not ask', text: 'FROM debian:12\nRUN apt-get update && apt-get autoclean\n' },
  ],
  invalid: [
    {
      fixture: 'fail-missing.Dockerfile',
      name: 'apt-get install, upgrade after -o, purge after a comment line, apt build-dep, exec form, sudo yum, dnf group install, tdnf, sh -c, zypper, ONBUILD',
      findings: [
        { line: 2, column: 23, endLine: 2, endColumn: 38, messageId: 'missing', severity: 'warning', messageIncludes: ['`apt-get install`'] },
        { line: 3, column: 5, endLine: 3, endColumn: 55, messageId: 'missing', messageIncludes: ['`apt-get upgrade`'] },
        { line: 5, column: 8, endLine: 5, endColumn: 21, messageId: 'missing' },
        { line: 5, column: 29, endLine: 5, endColumn: 42, messageId: 'missing', messageIncludes: ['`apt build-dep`'] },
        { line: 6, column: 6, endLine: 6, endColumn: 26, messageId: 'missing' },
        { line: 9, column: 10, endLine: 9, endColumn: 21, messageId: 'missing', messageIncludes: ['`yum install`'] },
        { line: 9, column: 31, endLine: 9, endColumn: 48, messageId: 'missing', messageIncludes: ['`dnf group install`'] },
        { line: 9, column: 72, endLine: 9, endColumn: 82, messageId: 'missing' },
        { line: 10, column: 12, endLine: 10, endColumn: 22, messageId: 'missing' },
        { line: 13, column: 5, endLine: 13, endColumn: 19, messageId: 'zypper', messageIncludes: ['`--non-interactive`'] },
        { line: 13, column: 27, endLine: 13, endColumn: 37, messageId: 'zypper' },
        { line: 14, column: 13, endLine: 14, endColumn: 30, messageId: 'zypper', messageIncludes: ['`zypper in`'] },
      ],
      fixedFixture: 'fail-missing.fixed.Dockerfile',
    },
  ],
});

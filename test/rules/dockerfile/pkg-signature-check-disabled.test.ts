import { pkgSignatureCheckDisabled } from '../../../server/src/core/rules/dockerfile/pkg-signature-check-disabled';
import { testRule } from '../../support/rule-tester';

testRule(pkgSignatureCheckDisabled, {
  valid: [
    { fixture: 'pass-verified.Dockerfile', name: 'other options, AllowUnauthenticated=false, gpgcheck=1, rpm --import, the flag as an argument of echo' },
  ],
  invalid: [
    {
      fixture: 'fail-disabled.Dockerfile',
      name: 'apt-get (option forms, --force-yes with and without -y, comment line, exec form), apk (ONBUILD, sudo), yum/dnf/rpm/tdnf in sh -c, zypper',
      findings: [
        { line: 2, column: 42, endLine: 2, endColumn: 65, messageId: 'disabled', severity: 'error', messageIncludes: ['`--allow-unauthenticated`', '`apt-get install`'] },
        { line: 4, column: 13, endLine: 4, endColumn: 51, messageId: 'disabled', messageIncludes: ['`-o APT::Get::AllowUnauthenticated=true`'] },
        { line: 5, column: 21, endLine: 5, endColumn: 32, messageId: 'disabled' },
        { line: 5, column: 52, endLine: 5, endColumn: 63, messageId: 'disabled' },
        { line: 6, column: 34, endLine: 6, endColumn: 65, messageId: 'disabled' },
        { line: 9, column: 24, endLine: 9, endColumn: 41, messageId: 'disabled', messageIncludes: ['`apk add`'] },
        { line: 10, column: 26, endLine: 10, endColumn: 43, messageId: 'disabled' },
        { line: 13, column: 20, endLine: 13, endColumn: 32, messageId: 'disabled', messageIncludes: ['`yum install`'] },
        { line: 13, column: 46, endLine: 13, endColumn: 70, messageId: 'disabled', messageIncludes: ['`--setopt=epel.gpgcheck=0`'] },
        { line: 14, column: 14, endLine: 14, endColumn: 27, messageId: 'disabled', messageIncludes: ['`rpm`'] },
        { line: 14, column: 28, endLine: 14, endColumn: 38, messageId: 'disabled' },
        { line: 14, column: 75, endLine: 14, endColumn: 87, messageId: 'disabled', messageIncludes: ['`tdnf install`'] },
        { line: 17, column: 12, endLine: 17, endColumn: 27, messageId: 'disabled', messageIncludes: ['`zypper install`'] },
      ],
      fixedFixture: 'fail-disabled.fixed.Dockerfile',
    },
    {
      name: 'a flag cluster that also holds other flags is reported without a fix',
      text: 'FROM debian:12\nRUN apt-get -yoAPT::Get::AllowUnauthenticated=1 install curl\n',
      findings: [{ line: 2, column: 13, endLine: 2, endColumn: 48, messageId: 'disabled' }],
      noFix: true,
    },
  ],
});

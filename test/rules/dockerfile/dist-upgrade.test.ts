import { distUpgrade } from '../../../server/src/core/rules/dockerfile/dist-upgrade';
import { testRule } from '../../support/rule-tester';

testRule(distUpgrade, {
  valid: [
    { fixture: 'pass-upgrade.Dockerfile', name: 'upgrades within the release; dist-upgrade as a package or an argument; dnf distro-sync' },
  ],
  invalid: [
    {
      fixture: 'fail-dist-upgrade.Dockerfile',
      name: 'apt-get dist-upgrade after -y, exec-form apt full-upgrade, zypper dup, sudo zypper dist-upgrade',
      findings: [
        { line: 2, column: 34, endLine: 2, endColumn: 46, messageId: 'distUpgrade', severity: 'info', messageIncludes: ['`apt-get dist-upgrade`'] },
        { line: 3, column: 13, endLine: 3, endColumn: 27, messageId: 'distUpgrade', messageIncludes: ['`apt full-upgrade`'] },
        { line: 6, column: 30, endLine: 6, endColumn: 33, messageId: 'distUpgrade', messageIncludes: ['`zypper dup`'] },
        { line: 6, column: 52, endLine: 6, endColumn: 64, messageId: 'distUpgrade' },
      ],
      noFix: true,
    },
  ],
});

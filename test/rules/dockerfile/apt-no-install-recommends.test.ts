import { aptNoInstallRecommends } from '../../../server/src/core/rules/dockerfile/apt-no-install-recommends';
import { testRule } from '../../support/rule-tester';

testRule(aptNoInstallRecommends, {
  valid: [
    { fixture: 'pass-declined.Dockerfile', name: 'the flag, -o APT::Install-Recommends=false, an apt.conf.d file written in a stage built from, other subcommands' },
    { name: 'install as an argument of another command', text: 'FROM debian:12\nRUN echo apt-get install curl && make install\n' },
    { name: 'the apt.conf.d file written in an unrelated stage does not count', text: 'FROM debian:12 AS other\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/x\nFROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' },
  ],
  invalid: [
    {
      fixture: 'fail-missing.Dockerfile',
      name: 'continuation with a comment line and an assignment, exec form, sudo apt, sh -c, ONBUILD',
      findings: [
        { line: 4, column: 44, endLine: 4, endColumn: 51, messageId: 'missing', severity: 'info', messageIncludes: ['`apt-get install`'] },
        { line: 6, column: 17, endLine: 6, endColumn: 26, messageId: 'missing' },
        { line: 7, column: 18, endLine: 7, endColumn: 25, messageId: 'missing', messageIncludes: ['`apt install`'] },
        { line: 7, column: 52, endLine: 7, endColumn: 59, messageId: 'missing' },
        { line: 8, column: 21, endLine: 8, endColumn: 28, messageId: 'missing' },
      ],
      fixedFixture: 'fail-missing.fixed.Dockerfile',
    },
    {
      fixture: 'fail-crlf-escape.Dockerfile',
      name: 'CRLF and a backtick escape character',
      findings: [{ line: 4, column: 13, endLine: 4, endColumn: 20, messageId: 'missing' }],
      fixedFixture: 'fail-crlf-escape.fixed.Dockerfile',
    },
    {
      name: 'a configuration written in a later RUN comes too late',
      text: 'FROM debian:12\nRUN apt-get install -y curl\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/x\n',
      findings: [{ line: 2, column: 13, endLine: 2, endColumn: 20, messageId: 'missing' }],
      fixedText: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/x\n',
    },
  ],
});

import { pkgCacheNotCleaned } from '../../../server/src/core/rules/dockerfile/pkg-cache-not-cleaned';
import { testRule } from '../../support/rule-tester';

testRule(pkgCacheNotCleaned, {
  valid: [
    {
      fixture: 'pass-cleaned.Dockerfile',
      name: 'cleaned per manager (rm, clean all, distclean, --no-cache, --no-cache-dir, PIP_NO_CACHE_DIR, cache mounts); build stages that do not ship',
    },
    { name: 'installs without an index refresh leave no apt lists', text: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends ./tool.deb\n' },
    { name: 'npm, gem and go are not judged', text: 'FROM node:22\nRUN npm install -g pnpm@9.1.0 && gem install rails:7.1.3 && go install example.com/x@v1\n' },
  ],
  invalid: [
    {
      fixture: 'fail-not-cleaned.Dockerfile',
      name: 'apt-get (also after a comment line and in sh -c), apk (sudo, exec form), pip, python -m pip, yum/dnf/microdnf/tdnf, zypper, yarn, ONBUILD',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 19, messageId: 'aptLists', severity: 'info', messageIncludes: ['`&& rm -rf /var/lib/apt/lists/*`'] },
        { line: 3, column: 5, endLine: 3, endColumn: 19, messageId: 'aptLists' },
        { line: 6, column: 12, endLine: 6, endColumn: 26, messageId: 'aptLists' },
        { line: 9, column: 5, endLine: 9, endColumn: 12, messageId: 'apkCache', messageIncludes: ['`apk add`'] },
        { line: 9, column: 26, endLine: 9, endColumn: 42, messageId: 'apkCache', messageIncludes: ['`apk add`'] },
        { line: 10, column: 6, endLine: 10, endColumn: 18, messageId: 'apkCache' },
        { line: 11, column: 5, endLine: 11, endColumn: 16, messageId: 'pipCache' },
        { line: 11, column: 33, endLine: 11, endColumn: 55, messageId: 'pipCache', messageIncludes: ['`python3 -m pip install`'] },
        { line: 12, column: 5, endLine: 12, endColumn: 16, messageId: 'cleanAll', messageIncludes: ['`&& yum clean all`'] },
        { line: 12, column: 29, endLine: 12, endColumn: 43, messageId: 'cleanAll', messageIncludes: ['`&& dnf clean all`'] },
        { line: 12, column: 53, endLine: 12, endColumn: 69, messageId: 'cleanAll', messageIncludes: ['`&& microdnf clean all`'] },
        { line: 12, column: 80, endLine: 12, endColumn: 92, messageId: 'cleanAll', messageIncludes: ['`&& tdnf clean all`'] },
        { line: 13, column: 5, endLine: 13, endColumn: 37, messageId: 'cleanAll', messageIncludes: ['`&& zypper clean --all`'] },
        { line: 14, column: 5, endLine: 14, endColumn: 20, messageId: 'cleanAll', messageIncludes: ['`&& yarn cache clean`'] },
        { line: 15, column: 13, endLine: 15, endColumn: 25, messageId: 'cleanAll' },
      ],
      fixedFixture: 'fail-not-cleaned.fixed.Dockerfile',
    },
    {
      fixture: 'fail-no-fix.Dockerfile',
      name: 'no append after ;, a redirection, a subshell, exec form, a heredoc, a comment; no edit inside an escaped sh -c string',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 16, messageId: 'cleanAll' },
        { line: 3, column: 5, endLine: 3, endColumn: 16, messageId: 'cleanAll' },
        { line: 4, column: 6, endLine: 4, endColumn: 17, messageId: 'cleanAll' },
        { line: 5, column: 6, endLine: 5, endColumn: 22, messageId: 'cleanAll' },
        { line: 7, column: 1, endLine: 7, endColumn: 12, messageId: 'cleanAll' },
        { line: 9, column: 5, endLine: 9, endColumn: 16, messageId: 'cleanAll' },
        { line: 10, column: 11, endLine: 10, endColumn: 51, messageId: 'pipCache' },
      ],
      noFix: true,
    },
    {
      name: 'CRLF and a continuation: the clean-up goes at the end of the last line',
      text: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y --no-install-recommends curl\r\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, messageId: 'aptLists' }],
      fixedText: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\r\n',
    },
  ],
});

import { pkgVersionUnpinned } from '../../../server/src/core/rules/dockerfile/pkg-version-unpinned';
import { testRule } from '../../support/rule-tester';

testRule(pkgVersionUnpinned, {
  valid: [
    { fixture: 'pass-pinned.Dockerfile', name: 'pinned per manager; files, paths, URLs, groups, requirement/constraint files, lock files, variables' },
    { name: 'npm ci and a bare npm install read the lock file', text: 'FROM node:22\nRUN npm ci --omit=dev && npm install --production\n' },
    { name: 'pip install . and -r', text: 'FROM python:3.12\nRUN pip install --no-cache-dir . && pip install -r requirements.txt\n' },
    { name: 'RUN before any FROM is not judged', text: 'RUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      fixture: 'fail-system.Dockerfile',
      name: 'apt-get (comment line in a continuation, release selection, exec form, ONBUILD, sudo apt), apk, dnf/microdnf/tdnf, yum in sh -c, zypper',
      findings: [
        { line: 4, column: 7, endLine: 4, endColumn: 11, messageId: 'unpinned', severity: 'info', messageIncludes: ['`curl`', '`apt-get install`', '`curl=<version>`'] },
        { line: 6, column: 7, endLine: 6, endColumn: 30, messageId: 'unpinned' },
        { line: 8, column: 34, endLine: 8, endColumn: 39, messageId: 'unpinned', messageIncludes: ['`vim`'] },
        { line: 9, column: 62, endLine: 9, endColumn: 64, messageId: 'unpinned', messageIncludes: ['`apt install`'] },
        { line: 12, column: 94, endLine: 12, endColumn: 97, messageId: 'unpinned', messageIncludes: ['`apk add`', '`gcc=<version>`'] },
        { line: 15, column: 20, endLine: 15, endColumn: 25, messageId: 'unpinned', messageIncludes: ['`dnf install`', '`nginx-<version>`'] },
        { line: 15, column: 39, endLine: 15, endColumn: 50, messageId: 'unpinned' },
        { line: 15, column: 74, endLine: 15, endColumn: 89, messageId: 'unpinned', messageIncludes: ['`microdnf install`'] },
        { line: 15, column: 109, endLine: 15, endColumn: 113, messageId: 'unpinned', messageIncludes: ['`tdnf install`'] },
        { line: 16, column: 27, endLine: 16, endColumn: 30, messageId: 'unpinned', messageIncludes: ['`yum install`'] },
        { line: 19, column: 54, endLine: 19, endColumn: 57, messageId: 'unpinned', messageIncludes: ['`zypper install`', '`vim=<version>`'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-language.Dockerfile',
      name: 'pip, pip3.12 behind env, python3 -m pip, npm (@latest, scoped), yarn (global, @next), gem, go (@latest, none, @master)',
      findings: [
        { line: 2, column: 68, endLine: 2, endColumn: 73, messageId: 'unpinned', messageIncludes: ['`flask==<version>`', '`pip install`'] },
        { line: 3, column: 38, endLine: 3, endColumn: 41, messageId: 'unpinned', messageIncludes: ['`python3 -m pip install`'] },
        { line: 4, column: 60, endLine: 4, endColumn: 79, messageId: 'unpinned', messageIncludes: ['`uvicorn[standard]`', '`pip3.12 install`'] },
        { line: 7, column: 20, endLine: 7, endColumn: 30, messageId: 'floating', messageIncludes: ['`@latest`', '`npm@<version>`'] },
        { line: 7, column: 31, endLine: 7, endColumn: 41, messageId: 'unpinned', messageIncludes: ['`@scope/cli@<version>`'] },
        { line: 7, column: 79, endLine: 7, endColumn: 85, messageId: 'unpinned', messageIncludes: ['`npm i`'] },
        { line: 8, column: 21, endLine: 8, endColumn: 28, messageId: 'unpinned', messageIncludes: ['`yarn global add`'] },
        { line: 8, column: 47, endLine: 8, endColumn: 56, messageId: 'floating', messageIncludes: ['`jest@<version>`'] },
        { line: 11, column: 17, endLine: 11, endColumn: 22, messageId: 'unpinned', messageIncludes: ['`rails:<version>`'] },
        { line: 14, column: 16, endLine: 14, endColumn: 47, messageId: 'floating', messageIncludes: ['`golang.org/x/tools/gopls@<version>`'] },
        { line: 14, column: 65, endLine: 14, endColumn: 98, messageId: 'unpinned' },
        { line: 14, column: 113, endLine: 14, endColumn: 136, messageId: 'floating', messageIncludes: ['`@master`'] },
      ],
      noFix: true,
    },
  ],
});

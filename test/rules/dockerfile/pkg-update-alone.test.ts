import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pkgUpdateAlone } from '../../../server/src/core/rules/dockerfile/pkg-update-alone';
import { findingsOf, loadSample, testRule } from '../../support/rule-tester';

testRule(pkgUpdateAlone, {
  valid: [
    { fixture: 'pass-update-and-install.Dockerfile', name: 'update with install, upgrade, build-dep, xargs, sh -c, exec form; yum update is an upgrade' },
    { name: 'an install without an update', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'update as a word of another command', text: 'FROM debian:12\nRUN echo apt-get update && git update-index\n' },
  ],
  invalid: [
    {
      fixture: 'fail-merge.Dockerfile',
      name: 'merged into the next install RUN: adjacent, and past a comment and an ARG',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 19, messageId: 'alone', severity: 'warning', messageIncludes: ['`apt-get update`'] },
        { line: 7, column: 5, endLine: 7, endColumn: 15, messageId: 'alone' },
      ],
      fixedFixture: 'fail-merge.fixed.Dockerfile',
    },
    {
      fixture: 'fail-crlf.Dockerfile',
      name: 'CRLF, sudo, apt installs after apt-get update, a blank line between',
      findings: [{ line: 2, column: 10, endLine: 2, endColumn: 27, messageId: 'alone' }],
      fixedFixture: 'fail-crlf.fixed.Dockerfile',
    },
    {
      fixture: 'fail-no-fix.Dockerfile',
      name: 'no merge past USER, for exec form, a trailing comment, ONBUILD, heredoc, or without a later install',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 19, messageId: 'alone' },
        { line: 6, column: 6, endLine: 6, endColumn: 25, messageId: 'alone' },
        { line: 7, column: 5, endLine: 7, endColumn: 19, messageId: 'alone' },
        { line: 9, column: 13, endLine: 9, endColumn: 27, messageId: 'alone' },
        { line: 12, column: 1, endLine: 12, endColumn: 15, messageId: 'alone' },
        { line: 16, column: 5, endLine: 16, endColumn: 18, messageId: 'alone', messageIncludes: ['`yum makecache`'] },
      ],
      noFix: true,
    },
    {
      name: 'no merge into a RUN with flags other than --mount',
      text: 'FROM debian:12\nRUN apt-get update\nRUN --network=none apt-get install -y make\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, messageId: 'alone' }],
      noFix: true,
    },
  ],
});

it('dockerfile/pkg-update-alone merges unattended only when nothing lies between the two RUNs', () => {
  const { fileName, text } = loadSample(pkgUpdateAlone, { fixture: 'fail-merge.Dockerfile' });
  assert.deepEqual(findingsOf(pkgUpdateAlone, fileName, text).map((finding) => finding.fix?.safe), [true, false]);
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EOL_AS_OF, EOL_TABLE } from '../../../server/src/core/dockerfile/base-image-eol-data';
import { baseImageEol } from '../../../server/src/core/rules/dockerfile/base-image-eol';
import { testRule } from '../../support/rule-tester';

testRule(baseImageEol, {
  valid: [
    { fixture: 'pass-supported.Dockerfile', name: 'supported releases, tags without a release, unresolved tags, stages, scratch, other registries' },
    { name: 'half-typed FROM', text: 'FROM \nFROM node:\n' },
  ],
  invalid: [
    {
      fixture: 'fail-eol.Dockerfile',
      findings: [
        { line: 1, column: 11, endLine: 1, endColumn: 20, messageId: 'eol', messageIncludes: ['`node:16-alpine`', 'Node.js 16', 'on 2023-09-11'], severity: 'warning' },
        { line: 2, column: 13, endLine: 2, endColumn: 30, messageId: 'eol', messageIncludes: ['Python 3.8 stopped receiving security updates on 2024-10-07, and so did Debian 11 (bullseye) on 2026-08-31'] },
        { line: 3, column: 13, endLine: 3, endColumn: 24, messageId: 'eol', messageIncludes: ['Debian 10 (buster)', 'on 2024-06-30'] },
        { line: 4, column: 13, endLine: 4, endColumn: 18, messageId: 'eol', messageIncludes: ['Ubuntu 18.04 (bionic)', 'in May 2023'] },
        { line: 5, column: 13, endLine: 5, endColumn: 17, messageId: 'eol', messageIncludes: ['Go 1.20', 'on 2024-02-06'] },
        { line: 6, column: 33, endLine: 6, endColumn: 49, messageId: 'eol', messageIncludes: ['PostgreSQL 12 ', 'and so did Alpine Linux 3.19 on 2025-11-01'] },
        { line: 7, column: 22, endLine: 7, endColumn: 34, messageId: 'eol', messageIncludes: ['Ubuntu 20.04 (focal)', 'in May 2025'] },
        { line: 8, column: 14, endLine: 8, endColumn: 25, messageId: 'eol', messageIncludes: ['OpenJDK (the deprecated `openjdk` image) 11', 'in July 2022'] },
        { line: 9, column: 34, endLine: 9, endColumn: 45, messageId: 'eol', messageIncludes: ['nginx 1.25', 'on 2024-05-29'] },
        { line: 10, column: 43, endLine: 10, endColumn: 49, messageId: 'eol', messageIncludes: ['Alpine Linux 3.18', 'on 2025-05-09'] },
        { line: 11, column: 11, endLine: 11, endColumn: 32, messageId: 'eol', messageIncludes: ['Node.js 16'] },
        { line: 12, column: 13, endLine: 12, endColumn: 20, messageId: 'eol', messageIncludes: ['Python 3.10', 'in October 2026'] },
      ],
      noFix: true,
    },
    {
      name: 'an ARG default naming another ARG, expanded as BuildKit does',
      text: 'ARG V=16\nARG IMAGE="node:${V}"\nFROM ${IMAGE}\n',
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 14, messageId: 'eol', messageIncludes: ['`node:16`', 'Node.js 16'] }],
      noFix: true,
    },
    {
      fixture: 'fail-arg-crlf.Dockerfile',
      name: 'CRLF, tag from an ARG default, digest after the tag',
      findings: [
        { line: 2, column: 6, endLine: 2, endColumn: 37, messageId: 'eol', messageIncludes: ['`golang:1.21-alpine3.17`', 'Go 1.21', 'Alpine Linux 3.17'] },
        { line: 3, column: 13, endLine: 3, endColumn: 17, messageId: 'eol', messageIncludes: ['Alpine Linux 3.15'] },
      ],
    },
  ],
});

describe('base image end-of-life table', () => {
  it('has well-formed, unique entries', () => {
    assert.match(EOL_AS_OF, /^\d{4}-\d{2}-\d{2}$/);
    for (const [product, { releases }] of Object.entries(EOL_TABLE)) {
      const versions = releases.map((release) => release.version);
      assert.equal(new Set(versions).size, versions.length, `${product}: duplicate versions`);
      const codenames = releases.flatMap((release) => (release.codename ? [release.codename] : []));
      assert.equal(new Set(codenames).size, codenames.length, `${product}: duplicate codenames`);
      for (const release of releases) assert.match(release.eol, /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, `${product} ${release.version}`);
    }
  });
});

import { fromLatestTag } from '../../../server/src/core/rules/dockerfile/from-latest-tag';
import { testRule } from '../../support/rule-tester';

testRule(fromLatestTag, {
  valid: [
    { fixture: 'pass-pinned.Dockerfile', name: 'ARG-resolved tag, --platform, stage aliases (any case), scratch' },
    { fixture: 'pass-digest.Dockerfile', name: 'digest pins, also after :latest and a registry port' },
    { fixture: 'pass-unresolved.Dockerfile', name: 'references a build argument without a default decides' },
    { name: 'exact tag case: LATEST is another tag', text: 'FROM alpine:LATEST\n' },
    { name: 'lowercase keywords and ONBUILD', text: 'from alpine:3.20 as base\nonbuild run echo hi\nfrom base\n' },
    { name: 'half-typed FROM', text: 'FROM \n' },
  ],
  invalid: [
    {
      fixture: 'fail-latest.Dockerfile',
      findings: [
        { line: 1, column: 11, endLine: 1, endColumn: 17, messageId: 'latest', messageIncludes: ['`node:latest`', '`node:<version>`'] },
        { line: 4, column: 58, endLine: 4, endColumn: 64, messageId: 'latest', messageIncludes: ['`localhost:5000/tools/builder:latest`'] },
        { line: 8, column: 6, endLine: 8, endColumn: 12, messageId: 'untagged', messageIncludes: ['`debian`', 'means `latest`'] },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-registry-port.Dockerfile',
      name: 'a registry port is not a tag (checkov misses these)',
      findings: [
        { line: 2, column: 6, endLine: 2, endColumn: 19, messageId: 'untagged', messageIncludes: ['`host:5000/img`'] },
        { line: 3, column: 6, endLine: 3, endColumn: 26, messageId: 'untagged', messageIncludes: ['`host:5000/team/app`'] },
        { line: 4, column: 27, endLine: 4, endColumn: 33, messageId: 'latest', messageIncludes: ['`$UNSET_REGISTRY/node:latest`'] },
      ],
      noFix: true,
    },
    {
      name: 'an ARG default built from the ARGs above it',
      text: 'ARG FLAVOUR=latest\nARG BASE=alpine:${FLAVOUR}\nFROM ${BASE}\n',
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 13, messageId: 'latest', messageIncludes: ['`alpine:latest`'] }],
      noFix: true,
    },
    {
      fixture: 'fail-crlf-arg.Dockerfile',
      name: 'CRLF, image from an ARG default',
      findings: [
        { line: 2, column: 6, endLine: 2, endColumn: 13, messageId: 'untagged', messageIncludes: ['`python`'] },
        { line: 3, column: 13, endLine: 3, endColumn: 19, messageId: 'latest' },
      ],
    },
    {
      fixture: 'fail-escape-continuation.Dockerfile',
      name: 'escape directive and a continued FROM',
      findings: [{ line: 3, column: 10, endLine: 3, endColumn: 16, messageId: 'latest' }],
    },
    {
      name: 'tag :latest from an ARG default points at the whole reference',
      text: 'ARG TAG=latest\nFROM nginx:${TAG}\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 18, messageId: 'latest', messageIncludes: ['`nginx:latest`'] }],
    },
    {
      name: '${VAR:-default} in FROM',
      text: 'ARG V\nFROM redis:${V:-latest}\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 24, messageId: 'latest' }],
    },
  ],
});

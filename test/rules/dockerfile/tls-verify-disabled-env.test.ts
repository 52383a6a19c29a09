import { tlsVerifyDisabledEnv } from '../../../server/src/core/rules/dockerfile/tls-verify-disabled-env';
import { testRule } from '../../support/rule-tester';

testRule(tlsVerifyDisabledEnv, {
  valid: [
    { fixture: 'pass-unset.Dockerfile', name: 'safe values, ARG without default, unknown values, echo, unset, local/readonly, LABEL' },
    { name: 'a heredoc python script is not shell', text: 'FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nPYTHONHTTPSVERIFY=0\nEOF\n' },
  ],
  invalid: [
    {
      fixture: 'fail-env-arg.Dockerfile',
      name: 'ENV/ARG: only property, middle and last property across a continuation with a comment, legacy form, ONBUILD, lowercase',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 35, messageId: 'env', messageIncludes: ['Node.js'], severity: 'error' },
        { line: 3, column: 13, endLine: 3, endColumn: 34, messageId: 'env', messageIncludes: ['`ENV PYTHONHTTPSVERIFY=0`'] },
        { line: 5, column: 5, endLine: 5, endColumn: 32, messageId: 'env', messageIncludes: ['npm'] },
        { line: 6, column: 5, endLine: 6, endColumn: 23, messageId: 'arg', messageIncludes: ['git'] },
        { line: 7, column: 5, endLine: 7, endColumn: 35, messageId: 'env', messageIncludes: ['pip'] },
        { line: 8, column: 13, endLine: 8, endColumn: 40, messageId: 'env' },
        { line: 9, column: 5, endLine: 9, endColumn: 24, messageId: 'env' },
      ],
      fixedFixture: 'fail-env-arg.fixed.Dockerfile',
    },
    {
      fixture: 'fail-run.Dockerfile',
      name: 'RUN: command prefix, export with others, export alone (no fix), sudo/env wrappers, exec form, sh -c',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 35, messageId: 'run' },
        { line: 3, column: 12, endLine: 3, endColumn: 42, messageId: 'run' },
        { line: 4, column: 12, endLine: 4, endColumn: 34, messageId: 'run' },
        { line: 6, column: 20, endLine: 6, endColumn: 39, messageId: 'run' },
        { line: 7, column: 13, endLine: 7, endColumn: 45, messageId: 'run' },
        { line: 8, column: 12, endLine: 8, endColumn: 31, messageId: 'run' },
      ],
      fixedFixture: 'fail-run.fixed.Dockerfile',
      remainingAfterFix: 1,
    },
    {
      name: 'CRLF: the last property goes with its continuation',
      text: 'FROM node:22\r\nENV A=1 \\\r\n    NODE_TLS_REJECT_UNAUTHORIZED=0\r\nRUN npm ci\r\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 35, messageId: 'env' }],
      fixedText: 'FROM node:22\r\nENV A=1\r\nRUN npm ci\r\n',
    },
    {
      name: 'the only ENV on the last line, without a line break',
      text: 'FROM node:22\r\nENV NODE_TLS_REJECT_UNAUTHORIZED=0',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 35, messageId: 'env' }],
      fixedText: 'FROM node:22',
    },
    {
      name: 'a bare assignment alone keeps its place (no fix)',
      text: 'FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0; npm ci\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 35, messageId: 'run' }],
      noFix: true,
    },
  ],
});

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { secretInArgEnv } from '../../../server/src/core/rules/dockerfile/secret-in-arg-env';
import { looksLikeSecretName } from '../../../server/src/core/secrets/secret-names';
import { findingsOf, loadSample, testRule } from '../../support/rule-tester';

testRule(secretInArgEnv, {
  valid: [
    { fixture: 'pass-not-secrets.Dockerfile', name: 'public keys, *_FILE/_DIR/_SOCK, switches, user names, ids, secret mounts' },
    { name: 'LABEL and RUN are not ARG/ENV', text: 'FROM alpine:3.20\nLABEL api_token=none\nRUN export TOKEN=x\n' },
  ],
  invalid: [
    {
      fixture: 'fail-secrets.Dockerfile',
      name: 'global ARG, multi-name ARG across a continuation with a comment line, ENV both forms, camelCase, ONBUILD',
      findings: [
        { line: 1, column: 5, endLine: 1, endColumn: 17, messageId: 'arg', messageIncludes: ['`ARG GITHUB_TOKEN`', 'id=github_token'] },
        { line: 3, column: 5, endLine: 3, endColumn: 14, messageId: 'arg', messageIncludes: ['`ARG NPM_TOKEN`'] },
        { line: 5, column: 5, endLine: 5, endColumn: 22, messageId: 'arg', messageIncludes: ['`ARG REGISTRY_PASSWORD`'] },
        { line: 6, column: 5, endLine: 6, endColumn: 22, messageId: 'env', messageIncludes: ['`ENV AWS_ACCESS_KEY_ID`'] },
        { line: 6, column: 35, endLine: 6, endColumn: 56, messageId: 'env', messageIncludes: ['`ENV AWS_SECRET_ACCESS_KEY`'] },
        { line: 7, column: 5, endLine: 7, endColumn: 11, messageId: 'env', messageIncludes: ['`ENV apiKey`'] },
        { line: 8, column: 5, endLine: 8, endColumn: 12, messageId: 'env', messageIncludes: ['`ENV DB_PASS`'] },
        { line: 11, column: 13, endLine: 11, endColumn: 37, messageId: 'arg' },
        { line: 12, column: 5, endLine: 12, endColumn: 20, messageId: 'env' },
        { line: 12, column: 25, endLine: 12, endColumn: 41, messageId: 'env' },
        { line: 12, column: 46, endLine: 12, endColumn: 53, messageId: 'env' },
      ],
      noFix: true,
    },
    {
      fixture: 'fail-crlf.Dockerfile',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 17, messageId: 'arg' },
        { line: 3, column: 5, endLine: 3, endColumn: 13, messageId: 'env' },
      ],
    },
    {
      name: 'escape directive and lowercase keyword',
      text: '# escape=`\nFROM alpine:3.20\narg DEPLOY_KEY `\n  SENTRY_AUTH_TOKEN\n',
      findings: [
        { line: 3, column: 5, endLine: 3, endColumn: 15, messageId: 'arg' },
        { line: 4, column: 3, endLine: 4, endColumn: 20, messageId: 'arg' },
      ],
    },
  ],
});

it('dockerfile/secret-in-arg-env never echoes a value', () => {
  const { fileName, text } = loadSample(secretInArgEnv, { fixture: 'fail-secrets.Dockerfile' });
  for (const finding of findingsOf(secretInArgEnv, fileName, text)) {
    for (const value of ['changeme', 'AKIAEXAMPLE', 'do not echo me', 'hunter2', 'abc']) assert.ok(!finding.message.includes(value), finding.message);
  }
});

it('dockerfile/secret-in-arg-env name policy', () => {
  const secrets = ['PASSWORD', 'db_password', 'GH_TOKEN', 'HF_TOKEN', 'VITE_API_KEY', 'REACT_APP_STRIPE_SECRET', 'apiKey', 'OPENAI_APIKEY', 'AWS_SESSION_TOKEN', 'DOCKERHUB_PASSWORD', 'KEY', 'TLS_PRIVATE_KEY', 'MY_CREDENTIALS', 'BASIC_AUTH', 'GPG_PASSPHRASE', 'DB_PSW', 'CLIENTSECRET'];
  const notSecrets = ['PATH', 'NODE_ENV', 'GPG_KEY', 'PUBLIC_KEY', 'NEXT_PUBLIC_API_KEY', 'PASSWORD_FILE', 'TOKEN_URL', 'SECRET_NAME', 'KEY_ID', 'TOKENIZERS_PARALLELISM', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'AUTH_ENABLED', 'DOCKER_USERNAME', 'PRIVATE_REGISTRY', 'MONKEY', 'KEYRING', 'PWD'];
  for (const name of secrets) assert.ok(looksLikeSecretName(name), `${name} should count as a secret`);
  for (const name of notSecrets) assert.ok(!looksLikeSecretName(name), `${name} should not count as a secret`);
});

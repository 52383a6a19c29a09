import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretManifestData } from '../../../server/src/core/rules/k8s/secret-manifest-data';
import { findingsOf, testRule, type InvalidSample } from '../../support/rule-tester';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const secret = (body: string, name = 'creds') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: Opaque\n${body}`;

// Fake credentials, assembled at run time so no scanner mistakes this file for a leak.
const CREDENTIALS: readonly { readonly kind: string; readonly value: string }[] = [
  { kind: 'a private key', value: `-----BEGIN ${'OPENSSH PRIVATE'} KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END ${'OPENSSH PRIVATE'} KEY-----\n` },
  { kind: 'an AWS access key ID', value: `${'AKIA'}IOSFODNN7EXAMPLE` },
  { kind: 'an AWS access key ID', value: `${'ASIA'}Y34FZKBOKMUTVV7A` },
  { kind: 'a GitHub token', value: `${'ghp'}_${'x1Y2'.repeat(9)}` },
  { kind: 'a GitHub token', value: `${'github_pat'}_${'A1b2C3'.repeat(5)}` },
  { kind: 'a Slack token', value: `${'xoxb'}-123456789012-abcdefghijkl` },
  { kind: 'a Google API key', value: `${'AIza'}${'SyD4-x_9'.repeat(4)}abc` },
  { kind: 'a Stripe live key', value: `${'sk_live'}_${'a1B2'.repeat(6)}` },
  { kind: 'a JSON Web Token', value: `${'eyJhbGciOiJIUzI1NiJ9'}.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ` },
  { kind: 'a connection string with a password', value: 'postgres://app:s3cr3t-pw@db.internal:5432/app' },
  { kind: 'registry credentials', value: `{"auths":{"ghcr.io":{"auth":"${base64('bot:hunter2')}"}}}` },
];

const credentialSamples: InvalidSample[] = CREDENTIALS.map(({ kind, value }) => ({
  name: `data holding ${kind}`,
  text: secret(`data:\n  the-key: ${base64(value)}\n`),
  findings: [{ line: 6, column: 1, endLine: 6, endColumn: 5, messageId: 'credential', severity: 'error', messageIncludes: ['Secret `creds`', `\`the-key\` holds ${kind}`] }],
  noFix: true,
}));

testRule(secretManifestData, {
  valid: [
    { fixture: 'pass-placeholders.yaml' },
    { name: 'empty data', text: secret('data: {}\nstringData:\n') },
    { name: 'placeholders in data, base64-encoded', text: secret(`data:\n  password: ${base64('changeme')}\n  token: ${base64('<token>')}\n  empty: ""\n`) },
    {
      name: 'service account token Secret without data',
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: sa-token\n  annotations:\n    kubernetes.io/service-account.name: app\ntype: kubernetes.io/service-account-token\n',
    },
    {
      name: 'SOPS-encrypted Secret',
      text: secret('stringData:\n  password: ENC[AES256_GCM,data:Zm9v,iv:YmFy,tag:YmF6,type:str]\nsops:\n  version: 3.9.0\n'),
    },
    { name: 'a certificate is public', text: secret(`data:\n  ca.crt: ${base64('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')}\n`) },
    { name: 'templated connection string', text: secret('stringData:\n  url: postgres://app:${DB_PASSWORD}@db/app\n') },
    { name: 'a ConfigMap is not a Secret', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: hunter2\n' },
  ],
  invalid: [
    ...credentialSamples,
    {
      name: 'private key in a stringData block scalar',
      text: secret(`stringData:\n  tls.key: |\n    ${CREDENTIALS[0]!.value.trimEnd().split('\n').join('\n    ')}\n  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIB\n    -----END CERTIFICATE-----\n`, 'tls'),
      findings: [{ line: 6, column: 1, endLine: 6, endColumn: 11, messageId: 'credential', severity: 'error', messageIncludes: ['Secret `tls`', '`tls.key` holds a private key'] }],
    },
    {
      name: 'plain values and a password-like key stay warnings',
      text: secret(`data:\n  username: ${base64('admin')}\n  db-password: ${base64('hunter2')}\n`),
      findings: [
        {
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 5,
          messageId: 'values',
          severity: 'warning',
          messageIncludes: ['2 values (`username`, `db-password`)', '`db-password` holds a password-like value'],
        },
      ],
    },
    {
      name: 'data and stringData are reported separately; long key lists are cut short',
      text: secret(`data:\n  a: ${base64('1')}\nstringData:\n${['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => `  ${key}: value-${key}\n`).join('')}`),
      findings: [
        { line: 6, column: 1, endLine: 6, endColumn: 5, messageId: 'values', messageIncludes: ['1 value (`a`)'] },
        { line: 8, column: 1, endLine: 8, endColumn: 11, messageId: 'values', messageIncludes: ['7 values (`b`, `c`, `d`, `e`, `f` and 2 more)'] },
      ],
    },
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 20, column: 1, endLine: 20, endColumn: 5, messageId: 'values', severity: 'warning', messageIncludes: ['Secret `app-env`', '`API_TOKEN` holds a password-like value'] },
        { line: 31, column: 3, endLine: 31, endColumn: 13, messageId: 'credential', severity: 'error', messageIncludes: ['Secret `db`', '`DATABASE_URL` holds a connection string with a password'] },
      ],
      noFix: true,
    },
  ],
});

describe('k8s/secret-manifest-data never echoes a value', () => {
  it('names keys and credential types only', () => {
    for (const { value } of CREDENTIALS) {
      for (const text of [secret(`data:\n  k: ${base64(value)}\n`), secret(`stringData:\n  k: '${value}'\n`)]) {
        const [finding] = findingsOf(secretManifestData, 'secret.yaml', text);
        assert.ok(finding, `no finding for ${value}`);
        for (const part of [value, base64(value), value.slice(8, 20)]) assert.ok(!finding.message.includes(part), `message echoes the secret: ${finding.message}`);
      }
    }
  });
});

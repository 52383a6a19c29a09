/**
 * Secret values never leave the server: not in diagnostics (messages, related information), hovers,
 * code action titles, window/logMessage notifications (at the most verbose log level), nor its
 * stderr. The rules' own tests check their messages one by one; this checks everything the real
 * server says about a workspace full of committed secrets, opened and scanned from disk.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Command, Hover } from 'vscode-languageserver';
import { TestClient } from './support';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
// Fake credentials, assembled at run time so no scanner mistakes this file for a leak; each is
// distinctive, so finding any part of one in the server's output means it was echoed.
const SECRETS = {
  k8sPassword: `Tr0ub4dor-${'k8s'}-stringdata-7731`,
  k8sToken: `${'ghp'}_${'q7W3'.repeat(9)}`,
  k8sUrlPassword: `Pg-url-${'pass'}-8812`,
  configMapPassword: `Cm-${'pass'}-2207-value`,
  envLiteral: `Deploy-env-${'pass'}-3390`,
  brokenYaml: `Broken-yaml-${'pass'}-5150`,
  dockerEnv: `Dkr-env-${'pass'}-4471`,
  dockerArg: `Npm-token-${'value'}-5521`,
  dockerAddUrl: `Add-url-${'pass'}-4417`,
  dockerAddToken: `${'ghp'}_${'z9K1'.repeat(9)}`,
  dockerChpasswd: `Chpw-${'pass'}-9931`,
  dockerAws: `Aws-run-${'pass'}-7781`,
  composePassword: `Compose-${'pw'}-6610`,
  composeUrlPassword: `Compose-url-${'pw'}-6611`,
} as const;

const FILES: Record<string, string> = {
  'k8s/secret.yaml': [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: db',
    'type: Opaque',
    'stringData:',
    `  password: ${SECRETS.k8sPassword}`,
    `  DATABASE_URL: postgres://app:${SECRETS.k8sUrlPassword}@db.internal:5432/app`,
    'data:',
    `  api-token: ${base64(SECRETS.k8sToken)}`,
    '',
  ].join('\n'),
  'k8s/config.yaml': ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: api', 'data:', `  DB_PASSWORD: ${SECRETS.configMapPassword}`, ''].join('\n'),
  'k8s/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  selector:',
    '    matchLabels: { app: api }',
    '  template:',
    '    metadata:',
    '      labels: { app: api }',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: registry.example.com/api:1.4.2',
    '          env:',
    `            - {name: DB_PASSWORD, value: "${SECRETS.envLiteral}"}`,
    '',
  ].join('\n'),
  // Half-typed: the parse error is on the line holding the value.
  'k8s/broken-secret.yaml': ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: broken', 'stringData:', `  password: "${SECRETS.brokenYaml}`, '  user: app', ''].join('\n'),
  Dockerfile: [
    'FROM alpine:3.20',
    `ARG NPM_TOKEN=${SECRETS.dockerArg}`,
    `ENV PASSWORD=${SECRETS.dockerEnv}`,
    `ADD https://deploy:${SECRETS.dockerAddUrl}@downloads.example.com/tool.tgz /opt/`,
    `ADD https://${SECRETS.dockerAddToken}@github.com/acme/tool.git /src/tool`,
    `RUN echo 'root:${SECRETS.dockerChpasswd}' | chpasswd`,
    `RUN aws configure set aws_secret_access_key ${SECRETS.dockerAws}`,
    'USER root',
    '',
  ].join('\n'),
  'compose.yaml': [
    'services:',
    '  db:',
    '    image: postgres:16.4',
    '    environment:',
    `      POSTGRES_PASSWORD: ${SECRETS.composePassword}`,
    '  app:',
    '    image: acme/app:1.0',
    '    environment:',
    `      - "DATABASE_URL=postgres://app:${SECRETS.composeUrlPassword}@db/app"`,
    '',
  ].join('\n'),
};

/** A hover's markdown as the reader sees it: backslash escapes removed. */
function markdownText(hover: Hover): string {
  const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n').replace(/\\(.)/g, '$1');
}

/** Parts of a secret that must not appear: the value, its base64 form, and a slice of its middle. */
function partsOf(value: string): string[] {
  return [value, base64(value), value.slice(3, -3)];
}

describe('LSP: secret values never appear in what the server says', () => {
  let root: string;
  let client: TestClient;
  const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;
  const said: { what: string; text: string }[] = [];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-secrets-'));
    for (const [relative, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, relative)), { recursive: true });
      writeFileSync(join(root, relative), text);
    }
    client = await TestClient.start({ workspaceFolders: [pathToFileURL(root).href], initializationOptions: { logLevel: 'debug' } });
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('scans the workspace, then opens, hovers and asks for code actions on every file', async () => {
    // The workspace scan publishes every file from disk (closed files)...
    for (const relative of Object.keys(FILES)) await client.nextOrSeen(uriOf(relative), (params) => params.diagnostics.length > 0);
    // ...then each is opened (the open-document path) and every finding hovered and acted on.
    for (const [relative, text] of Object.entries(FILES)) {
      const uri = uriOf(relative);
      client.open(uri, text);
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      assert.ok(diagnostics.length > 0, relative);
      for (const diagnostic of diagnostics) {
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
        // Hovers are markdown: punctuation outside code spans is backslash-escaped, so compare the unescaped text.
        if (hover) said.push({ what: `hover in ${relative}`, text: markdownText(hover) });
      }
      const lines = text.split('\n').length;
      const actions = await client.request<(CodeAction | Command)[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
        context: { diagnostics },
      });
      for (const action of actions) said.push({ what: `code action in ${relative}`, text: JSON.stringify({ title: action.title, disabled: 'disabled' in action ? action.disabled : undefined }) });
      client.close(uri);
    }
    await client.stop();
  });

  it('the findings are there (the secrets were seen)', () => {
    const codes = new Set(client.published.flatMap((params) => params.diagnostics.map((diagnostic) => String(diagnostic.code))));
    for (const code of ['k8s/secret-manifest-data', 'k8s/configmap-secrets', 'k8s/env-literal-secret', 'dockerfile/secret-in-arg-env', 'dockerfile/add-remote-url', 'dockerfile/secret-in-run', 'compose/secret-in-environment', 'bulkhead/parse-error']) {
      assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
    }
    assert.ok(client.logs.some((log) => log.type === 4 && log.message.startsWith('Analysed ')), 'debug logging was on');
  });

  it('no diagnostic, hover, code action title, log message or stderr line holds any part of a secret', () => {
    const channels = [
      ...client.published.map((params) => ({ what: `diagnostics of ${params.uri}`, text: JSON.stringify(params.diagnostics) })),
      ...client.logs.map((log) => ({ what: 'window/logMessage', text: log.message })),
      { what: 'stderr', text: client.stderr },
      ...said,
    ];
    const leaks: string[] = [];
    for (const [name, value] of Object.entries(SECRETS)) {
      for (const part of partsOf(value)) {
        for (const { what, text } of channels) if (text.includes(part)) leaks.push(`${name} (${part}) in ${what}: ${text.slice(0, 300)}`);
      }
    }
    assert.deepEqual(leaks, []);
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc';
import type { CodeAction, Hover } from 'vscode-languageserver';
import { PRIVILEGED_POD, ROOT_DOCKERFILE } from './manifests';
import { messageOf, TestClient, withCode } from './support';

const INFORMATION = 3;
const BIG_TIMEOUT_MS = 60_000;

describe('LSP: malformed input never crashes the server', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.dispose());

  it('half-typed YAML: one parse-error diagnostic, and findings of what parses', async () => {
    const uri = 'file:///tmp/x/half.yaml';
    client.open(uri, 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        privileged: true\n      image: "ngin');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const [parseError, ...more] = withCode(diagnostics, 'bulkhead/parse-error');
    assert.equal(more.length, 0);
    assert.equal(parseError!.severity, INFORMATION);
    assert.equal(parseError!.source, 'bulkhead');
    assert.match(messageOf(parseError!), /YAML syntax error/);
    assert.equal(parseError!.range.start.line, 7);
    assert.deepEqual(withCode(diagnostics, 'k8s/privileged-container').map((diagnostic) => diagnostic.range.start), [{ line: 6, character: 8 }]);
  });

  it('typing a manifest character by character ends with the right findings', async () => {
    const uri = 'file:///tmp/x/typed.yaml';
    client.open(uri, '');
    await client.diagnosticsFor(uri, 1);
    for (let length = 1; length <= PRIVILEGED_POD.length; length++) client.change(uri, length + 1, PRIVILEGED_POD.slice(0, length));
    const { diagnostics } = await client.diagnosticsFor(uri, PRIVILEGED_POD.length + 1);
    assert.deepEqual(withCode(diagnostics, 'k8s/privileged-container').map((diagnostic) => diagnostic.range), [{ start: { line: 9, character: 8 }, end: { line: 9, character: 24 } }]);
  });

  it('a binary file named Dockerfile: one "binary" diagnostic', async () => {
    const uri = 'file:///tmp/x/bin/Dockerfile';
    client.open(uri, 'FROM alpine\u0000\u0001\u0002\u00ff\ufffd\u0000USER root\n');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'bulkhead/binary');
    assert.equal(diagnostics[0]!.severity, INFORMATION);
    assert.match(messageOf(diagnostics[0]!), /binary/);
    assert.deepEqual(diagnostics[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('a YAML alias bomb: analysed quickly without expanding it', async () => {
    const uri = 'file:///tmp/x/bomb.yaml';
    const names = 'abcdefghij';
    let bomb = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n  labels:\n    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let index = 1; index < names.length; index++) bomb += `    ${names[index]}: &${names[index]} [${Array(9).fill(`*${names[index - 1]}`).join(',')}]\n`;
    bomb += 'spec:\n  volumes: *j\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    client.open(uri, bomb);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(withCode(diagnostics, 'k8s/privileged-container').map((diagnostic) => diagnostic.range.start.line), [21]);
  });

  it('a Helm template: one diagnostic saying it was not analysed', async () => {
    const uri = 'file:///tmp/x/chart/templates/deployment.yaml';
    client.open(uri, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['bulkhead/template', INFORMATION]]);
  });

  it('a BOM and CRLF line breaks: ranges still exact', async () => {
    const uri = 'file:///tmp/x/crlf/Dockerfile';
    client.open(uri, '\ufeffFROM alpine:3.20\r\nUSER root\r\n');
    const [finding] = withCode((await client.diagnosticsFor(uri, 1)).diagnostics, 'dockerfile/user-root');
    assert.deepEqual(finding!.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
  });

  it('a 5 MB manifest: analysed, the finding at its exact line, and the server still answers', { timeout: BIG_TIMEOUT_MS }, async () => {
    const uri = 'file:///tmp/x/big.yaml';
    const configMaps = Array.from({ length: 2000 }, (_, index) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${index}\ndata:\n  blob: "${'x'.repeat(2500)}"\n---\n`).join('');
    const text = configMaps + PRIVILEGED_POD;
    assert.ok(text.length > 5_000_000);
    client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1, BIG_TIMEOUT_MS);
    assert.deepEqual(withCode(diagnostics, 'k8s/privileged-container').map((diagnostic) => diagnostic.range.start), [{ line: 2000 * 7 + 9, character: 8 }]);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2000 * 7 + 9, character: 10 } }, BIG_TIMEOUT_MS);
    assert.ok(hover);
  });

  it('an 11 MB manifest: one "too large" diagnostic', { timeout: BIG_TIMEOUT_MS }, async () => {
    const uri = 'file:///tmp/x/huge.yaml';
    client.open(uri, `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${'x'.repeat(11 * 1024 * 1024)}\n`);
    const { diagnostics } = await client.diagnosticsFor(uri, 1, BIG_TIMEOUT_MS);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['bulkhead/too-large', INFORMATION]]);
    assert.match(messageOf(diagnostics[0]!), /11\.0 MB/);
  });

  describe('every handler that throws is logged, and the server keeps serving', () => {
    // Each handler is made to throw the way a buggy client would: by malformed parameters.
    const uri = 'file:///tmp/x/handlers/Dockerfile';
    const ERROR = 1;
    const logged = (text: string) => client.logs.some((log) => log.type === ERROR && log.message.includes(text));
    /** The server still answers a request and still analyses a new document. */
    async function stillServing(name: string): Promise<void> {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
      assert.match(JSON.stringify(hover?.contents), /dockerfile\/user-root/);
      const next = `file:///tmp/x/handlers/after-${name}/Dockerfile`;
      client.open(next, ROOT_DOCKERFILE);
      assert.equal(withCode((await client.diagnosticsFor(next, 1)).diagnostics, 'dockerfile/user-root').length, 1);
    }
    /** Resolves once a log message containing `text` has arrived (the server logs before it handles the next message). */
    async function loggedAfterRoundTrip(text: string): Promise<boolean> {
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      return logged(text);
    }

    before(async () => {
      client.open(uri, ROOT_DOCKERFILE);
      await client.diagnosticsFor(uri, 1);
    });

    it('textDocument/codeAction: answered with no actions', async () => {
      // No `context`: the code action handler throws reading it.
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } } });
      assert.deepEqual(actions, []);
      assert.ok(logged('textDocument/codeAction failed: TypeError'));
      await stillServing('code-action');
    });

    it('textDocument/hover: answered with no hover', async () => {
      assert.equal(await client.request<Hover | null>('textDocument/hover', { position: { line: 0, character: 0 } }), null);
      assert.ok(logged('textDocument/hover failed: TypeError'));
      await stillServing('hover');
    });

    it('workspace/didChangeConfiguration', async () => {
      client.notify('workspace/didChangeConfiguration', null);
      assert.ok(await loggedAfterRoundTrip('workspace/didChangeConfiguration failed: TypeError'));
      await stillServing('configuration');
    });

    it('workspace/didChangeWatchedFiles', async () => {
      client.notify('workspace/didChangeWatchedFiles', { changes: null });
      assert.ok(await loggedAfterRoundTrip('workspace/didChangeWatchedFiles failed: TypeError'));
      await stillServing('watched-files');
    });

    it('workspace/didChangeWorkspaceFolders', async () => {
      client.notify('workspace/didChangeWorkspaceFolders', {});
      assert.ok(await loggedAfterRoundTrip('workspace/didChangeWorkspaceFolders failed: TypeError'));
      await stillServing('workspace-folders');
    });

    it('textDocument/didOpen, didChange and didClose (refused by the protocol library before Bulkhead sees them)', async () => {
      client.notify('textDocument/didOpen', {});
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: 5, text: 'x' }] });
      client.notify('textDocument/didClose', {});
      assert.ok(await loggedAfterRoundTrip("Notification handler 'textDocument/didClose' failed"));
      assert.ok(logged("Notification handler 'textDocument/didOpen' failed"));
      assert.ok(logged("Notification handler 'textDocument/didChange' failed"));
      await stillServing('document-sync');
    });
  });

  it('files that are neither Dockerfiles nor manifests get no diagnostics', async () => {
    const uri = 'file:///tmp/x/values.yaml';
    client.open(uri, 'replicas: 3\nimage:\n  tag: latest\n');
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
  });

  it('exits cleanly after all that', async () => {
    assert.equal(await client.stop(), 0);
    assert.doesNotMatch(client.stderr, /Error|exception/i);
  });
});

describe('LSP: a client that refuses dynamic registrations', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-refused-'));
    mkdirSync(join(root, 'api'));
    writeFileSync(join(root, 'api', 'Dockerfile'), ROOT_DOCKERFILE);
    client = await TestClient.start({
      workspaceFolders: [pathToFileURL(root).href],
      workspaceCapabilities: { didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
    });
    // Replaces the test client's handler before the server's first registration request can arrive.
    client.connection.onRequest('client/registerCapability', () => new ResponseError(ErrorCodes.InternalError, 'registrations are refused here'));
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('logs each refusal and still scans the workspace', async () => {
    const uri = pathToFileURL(join(root, 'api', 'Dockerfile')).href;
    const { diagnostics } = await client.nextOrSeen(uri, (params) => params.diagnostics.length > 0);
    assert.equal(withCode(diagnostics, 'dockerfile/user-root').length, 1);
    const WARNING = 2;
    for (const what of ['configuration changes', 'file changes']) {
      assert.ok(client.logs.some((log) => log.type === WARNING && log.message.startsWith(`Could not register for ${what}, going on without: `)), what);
    }
    assert.ok(client.logs.some((log) => log.message.includes('ready')));
  });
});

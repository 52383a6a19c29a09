import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver';
import { PRIVILEGED_POD, ROOT_DOCKERFILE } from './manifests';
import { messageOf, TestClient, withCode } from './support';

const DOCKERFILE_URI = 'file:///tmp/x/Dockerfile';
const POD_URI = 'file:///tmp/x/deploy/pod.yaml';

const DIAGNOSTIC_SEVERITY = { error: 1, warning: 2, information: 3 } as const;

describe('LSP: initialize', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.dispose());

  it('advertises incremental sync, hover and the code action kinds', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'bulkhead');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.bulkhead'] });
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('LSP: diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.dispose());

  it('tags a removed API version as deprecated', async () => {
    const uri = 'file:///tmp/x/deploy/cron.yaml';
    client.open(uri, 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n');
    const published = await client.diagnosticsFor(uri, 1);
    const [diagnostic] = withCode(published.diagnostics, 'k8s/deprecated-api-version');
    assert.deepEqual(diagnostic?.tags, [2 /* DiagnosticTag.Deprecated */]);
    assert.deepEqual(diagnostic?.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 25 } });
  });

  it('publishes a Dockerfile finding on open with its exact range, code, docs link, source and data', async () => {
    client.open(DOCKERFILE_URI, ROOT_DOCKERFILE);
    const published = await client.diagnosticsFor(DOCKERFILE_URI, 1);
    const [diagnostic, ...others] = withCode(published.diagnostics, 'dockerfile/user-root');
    assert.equal(others.length, 0);
    assert.deepEqual(diagnostic!.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
    assert.equal(diagnostic!.severity, DIAGNOSTIC_SEVERITY.warning);
    assert.equal(diagnostic!.source, 'bulkhead');
    assert.deepEqual(diagnostic!.codeDescription, { href: 'https://github.com/bulkhead-dev/bulkhead/blob/main/docs/rules/dockerfile/user-root.md' });
    assert.deepEqual(diagnostic!.data, { ruleId: 'dockerfile/user-root', messageId: 'root', fix: 'suggestion' });
    assert.match(messageOf(diagnostic!), /USER root/);
  });

  it('publishes a Kubernetes finding with its exact range and error severity', async () => {
    client.open(POD_URI, PRIVILEGED_POD);
    const published = await client.diagnosticsFor(POD_URI, 1);
    const [diagnostic, ...others] = withCode(published.diagnostics, 'k8s/privileged-container');
    assert.equal(others.length, 0);
    assert.deepEqual(diagnostic!.range, { start: { line: 9, character: 8 }, end: { line: 9, character: 24 } });
    assert.equal(diagnostic!.severity, DIAGNOSTIC_SEVERITY.error);
    assert.deepEqual(diagnostic!.data, { ruleId: 'k8s/privileged-container', messageId: 'privileged', fix: 'safe' });
    assert.match(messageOf(diagnostic!), /^Container `app` in Pod `web` runs privileged/);
  });

  it('carries related information: the USER root a later stage inherits', async () => {
    const uri = 'file:///tmp/x/stages/Dockerfile';
    client.open(uri, 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["sh"]\n');
    const [diagnostic] = withCode((await client.diagnosticsFor(uri, 1)).diagnostics, 'dockerfile/user-root');
    assert.deepEqual(diagnostic!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
    assert.deepEqual(diagnostic!.relatedInformation, [
      { location: { uri, range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } } }, message: 'USER root is set here' },
    ]);
  });

  it('applies incremental (ranged) changes', async () => {
    const uri = 'file:///tmp/x/incremental/Dockerfile';
    client.open(uri, ROOT_DOCKERFILE);
    assert.equal(withCode((await client.diagnosticsFor(uri, 1)).diagnostics, 'dockerfile/user-root').length, 1);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } }, text: '10001' }],
    });
    assert.deepEqual(withCode((await client.diagnosticsFor(uri, 2)).diagnostics, 'dockerfile/user-root'), []);
  });

  it('hovers a finding with its title, message, why, how to fix, peer ids and docs link', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: POD_URI }, position: { line: 9, character: 12 } });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 9, character: 8 }, end: { line: 9, character: 24 } });
    const { kind, value } = hover.contents as MarkupContent;
    assert.equal(kind, 'markdown');
    for (const part of ['**Container runs privileged**', '`k8s/privileged-container`', '**Why:**', '**How to fix:**', 'kube-linter `privileged-container`', 'trivy `KSV-0017`', '(https://github.com/bulkhead-dev/bulkhead/blob/main/docs/rules/k8s/privileged-container.md)']) {
      assert.ok(value.includes(part), `hover lacks ${part}:\n${value}`);
    }
  });

  it('returns no hover away from findings', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: POD_URI }, position: { line: 0, character: 2 } });
    assert.equal(hover, null);
  });

  it('follows edits: a fixed line loses its finding', async () => {
    client.change(POD_URI, 2, PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
    const published = await client.diagnosticsFor(POD_URI, 2);
    assert.deepEqual(withCode(published.diagnostics, 'k8s/privileged-container'), []);
  });

  it('publishes only the latest of rapid successive versions', async () => {
    const uri = 'file:///tmp/x/rapid/Dockerfile';
    client.open(uri, 'FROM alpine:3.20\n');
    await client.diagnosticsFor(uri, 1);
    const before = client.published.length;
    let text = 'FROM alpine:3.20\n';
    for (let version = 2; version <= 8; version++) {
      text += version % 2 === 0 ? 'USER root\n' : 'USER 10001\n';
      client.change(uri, version, text);
    }
    const latest = await client.diagnosticsFor(uri, 8);
    // A request answered after the publish proves nothing stale is still queued behind it.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const versions = client.published.slice(before).filter((params) => params.uri === uri).map((params) => params.version);
    assert.deepEqual(versions, [8]);
    // Version 8 ends with `USER root` (even versions append root).
    assert.equal(withCode(latest.diagnostics, 'dockerfile/user-root').length, 1);
  });

  it('clears diagnostics on close', async () => {
    const cleared = client.nextDiagnostics(DOCKERFILE_URI);
    client.close(DOCKERFILE_URI);
    assert.deepEqual((await cleared).diagnostics, []);
  });
});

describe('LSP: settings', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { rules: { 'dockerfile/user-root': 'off', 'k8s/privileged-container': 'info' } } });
  });
  after(() => client.dispose());

  it('asks for the bulkhead section with the document as scope', async () => {
    client.open(DOCKERFILE_URI, ROOT_DOCKERFILE);
    const published = await client.diagnosticsFor(DOCKERFILE_URI, 1);
    assert.deepEqual(withCode(published.diagnostics, 'dockerfile/user-root'), []);
    assert.ok(client.configurationRequests.some((request) => request.items.some((item) => item.section === 'bulkhead' && item.scopeUri === DOCKERFILE_URI)));
  });

  it('applies per-rule severities', async () => {
    client.open(POD_URI, PRIVILEGED_POD);
    const published = await client.diagnosticsFor(POD_URI, 1);
    assert.deepEqual(withCode(published.diagnostics, 'k8s/privileged-container').map((diagnostic) => diagnostic.severity), [DIAGNOSTIC_SEVERITY.information]);
  });

  /** Changes the settings and waits for every open document's re-analysis. */
  async function reconfigure(settings: Record<string, unknown>): Promise<{ dockerfile: Diagnostic[]; pod: Diagnostic[] }> {
    const dockerfile = client.nextDiagnostics(DOCKERFILE_URI);
    const pod = client.nextDiagnostics(POD_URI);
    client.settings = settings;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    return { dockerfile: (await dockerfile).diagnostics, pod: (await pod).diagnostics };
  }

  it('re-analyses open documents when the configuration changes', async () => {
    const { dockerfile, pod } = await reconfigure({ rules: {} });
    assert.equal(withCode(dockerfile, 'dockerfile/user-root').length, 1);
    assert.deepEqual(withCode(pod, 'k8s/privileged-container').map((diagnostic) => diagnostic.severity), [DIAGNOSTIC_SEVERITY.error]);
  });

  it('skips documents matching bulkhead.exclude (relative to the workspace folder)', async () => {
    const { dockerfile, pod } = await reconfigure({ exclude: ['deploy/**'] });
    assert.deepEqual(pod, []);
    assert.equal(withCode(dockerfile, 'dockerfile/user-root').length, 1);
  });

  it('reports nothing when disabled', async () => {
    const { dockerfile, pod } = await reconfigure({ enable: false });
    assert.deepEqual([...dockerfile, ...pod], []);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: DOCKERFILE_URI }, position: { line: 1, character: 6 } });
    assert.equal(hover, null);
  });

  it('ignores malformed settings with a logged warning instead of failing', async () => {
    const { dockerfile, pod } = await reconfigure({ enable: 'yes', rules: { 'dockerfile/user-root': 'loud' }, exclude: 'deploy' });
    assert.equal(withCode(dockerfile, 'dockerfile/user-root').length, 1);
    assert.equal(withCode(pod, 'k8s/privileged-container').length, 1);
    assert.ok(client.logs.some((log) => log.type === 2 && log.message.includes('bulkhead.rules["dockerfile/user-root"]')));
  });
});

describe('LSP: a client without workspace/configuration', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ configuration: false });
  });
  after(() => client.dispose());

  it('uses the defaults, then settings pushed with didChangeConfiguration', async () => {
    client.open(DOCKERFILE_URI, ROOT_DOCKERFILE);
    const published = await client.diagnosticsFor(DOCKERFILE_URI, 1);
    assert.equal(withCode(published.diagnostics, 'dockerfile/user-root').length, 1);
    assert.deepEqual(client.configurationRequests, []);

    const republished = client.nextDiagnostics(DOCKERFILE_URI);
    client.notify('workspace/didChangeConfiguration', { settings: { bulkhead: { rules: { 'dockerfile/user-root': 'off' } } } });
    const after: Diagnostic[] = (await republished).diagnostics;
    assert.deepEqual(withCode(after, 'dockerfile/user-root'), []);
  });
});

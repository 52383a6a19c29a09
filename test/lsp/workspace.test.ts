/**
 * Workspace-wide diagnostics over real files in a temporary workspace: closed files are
 * analysed on start, file events keep them current, and cross-file findings follow the files
 * they depend on.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TestClient } from './support';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
`;
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

const codes = (params: PublishDiagnosticsParams): string[] => params.diagnostics.map((diagnostic) => String(diagnostic.code));

describe('LSP: workspace-wide diagnostics', () => {
  let root: string;
  let client: TestClient;
  const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;
  const write = (relative: string, text: string) => {
    mkdirSync(join(root, relative, '..'), { recursive: true });
    writeFileSync(join(root, relative), text);
  };
  const fileEvent = (relative: string, type: number) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(relative), type }] });

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-workspace-'));
    write('Dockerfile', 'FROM alpine:3.20\nUSER root\n');
    write('k8s/api.yaml', DEPLOYMENT);
    write('README.md', '# not analysed\n');
    write('node_modules/dep/Dockerfile', 'FROM alpine:3.20\nUSER root\n');
    write('.gitignore', 'ignored/\n');
    write('ignored/Dockerfile', 'FROM alpine:3.20\nUSER root\n');
    // Above the 10 MB bound: never read, but the Problems panel says why it has no findings.
    write('generated/huge.yaml', `apiVersion: v1\nkind: ConfigMap\n${'#'.repeat(10.5 * 1024 * 1024)}\n`);
    client = await TestClient.start({
      workspaceFolders: [pathToFileURL(root).href],
      workspaceCapabilities: { didChangeWatchedFiles: { dynamicRegistration: true } },
      windowCapabilities: { workDoneProgress: true },
    });
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes findings of files that were never opened', async () => {
    const dockerfile = await client.nextOrSeen(uriOf('Dockerfile'), (params) => codes(params).includes('dockerfile/user-root'));
    assert.ok(dockerfile.diagnostics.length > 0);
    const manifest = await client.nextOrSeen(uriOf('k8s/api.yaml'), (params) => codes(params).includes('k8s/networkpolicy-coverage'));
    assert.deepEqual(manifest.diagnostics.find((d) => d.code === 'k8s/networkpolicy-coverage')?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  it('says why a file too large to read has no findings', async () => {
    const huge = await client.nextOrSeen(uriOf('generated/huge.yaml'), (params) => params.diagnostics.length > 0);
    assert.equal(huge.diagnostics.length, 1);
    assert.equal(huge.diagnostics[0]!.message, "File not analysed: it is 10.5 MB, above Bulkhead's limit of 10 MB.");
    assert.deepEqual(huge.diagnostics[0]!.range.start, { line: 0, character: 0 });
  });

  it('skips node_modules, .gitignored files and files of other kinds', () => {
    const uris = new Set(client.published.map((params) => params.uri));
    for (const skipped of ['node_modules/dep/Dockerfile', 'ignored/Dockerfile', 'README.md', '.gitignore']) assert.ok(!uris.has(uriOf(skipped)), skipped);
  });

  it('a NetworkPolicy added in another file clears the coverage finding; deleting it brings it back', async () => {
    write('k8s/netpol.yaml', POLICY);
    const covered = client.nextDiagnostics(uriOf('k8s/api.yaml'), (params) => !codes(params).includes('k8s/networkpolicy-coverage'));
    fileEvent('k8s/netpol.yaml', CREATED);
    await covered;
    unlinkSync(join(root, 'k8s/netpol.yaml'));
    const uncovered = client.nextDiagnostics(uriOf('k8s/api.yaml'), (params) => codes(params).includes('k8s/networkpolicy-coverage'));
    fileEvent('k8s/netpol.yaml', DELETED);
    await uncovered;
  });

  it('a changed file is analysed again; a deleted file loses its findings', async () => {
    write('Dockerfile', 'FROM alpine:3.20\nUSER 10001\n');
    const fixed = client.nextDiagnostics(uriOf('Dockerfile'), (params) => !codes(params).includes('dockerfile/user-root'));
    fileEvent('Dockerfile', CHANGED);
    await fixed;
    write('svc/Dockerfile', 'FROM alpine:3.20\nUSER 0\n');
    const created = client.nextDiagnostics(uriOf('svc/Dockerfile'), (params) => codes(params).includes('dockerfile/user-root'));
    fileEvent('svc/Dockerfile', CREATED);
    await created;
    unlinkSync(join(root, 'svc/Dockerfile'));
    const cleared = client.nextDiagnostics(uriOf('svc/Dockerfile'), (params) => params.diagnostics.length === 0);
    fileEvent('svc/Dockerfile', DELETED);
    await cleared;
  });

  it('a renamed file moves its findings (delete + create)', async () => {
    write('web/Dockerfile', 'FROM alpine:3.20\nUSER root\n');
    const before = client.nextDiagnostics(uriOf('web/Dockerfile'), (params) => codes(params).includes('dockerfile/user-root'));
    fileEvent('web/Dockerfile', CREATED);
    await before;
    write('web/Containerfile', 'FROM alpine:3.20\nUSER root\n');
    unlinkSync(join(root, 'web/Dockerfile'));
    const gone = client.nextDiagnostics(uriOf('web/Dockerfile'), (params) => params.diagnostics.length === 0);
    const moved = client.nextDiagnostics(uriOf('web/Containerfile'), (params) => codes(params).includes('dockerfile/user-root'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('web/Dockerfile'), type: DELETED }, { uri: uriOf('web/Containerfile'), type: CREATED }] });
    await Promise.all([gone, moved]);
  });

  it('an open document sees the workspace, and keeps its on-disk findings when closed', async () => {
    const uri = uriOf('k8s/api.yaml');
    client.open(uri, `${DEPLOYMENT}---\n${POLICY}`, 'yaml', 1);
    const open = await client.diagnosticsFor(uri, 1);
    assert.ok(!codes(open).includes('k8s/networkpolicy-coverage'), 'the policy in the same (unsaved) document covers it');
    const closed = client.nextDiagnostics(uri, (params) => codes(params).includes('k8s/networkpolicy-coverage'));
    client.close(uri);
    await closed;
  });
});

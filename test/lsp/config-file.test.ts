/**
 * The language server and `.bulkhead.yaml`: read from each workspace folder — and, for a file
 * in a subfolder, the nearest one walking up to the workspace folder, as the CLI resolves them
 * — merged under the user's settings (settings win), re-applied when a file changes, appears
 * or goes on disk, and its problems published as diagnostics on the file itself. Also: unused
 * suppressions are shown.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { DEFAULT_TIMEOUT_MS, TestClient, within } from './support';

const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;
const ROOT_DOCKERFILE = 'FROM alpine:3.20\nRUN echo hello\nCMD ["sh"]\n';
const severityOf = (params: PublishDiagnosticsParams, code: string) => params.diagnostics.find((diagnostic) => diagnostic.code === code)?.severity;

describe('LSP: .bulkhead.yaml', () => {
  let root: string;
  let client: TestClient;
  const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;
  const write = (relative: string, text: string) => writeFileSync(join(root, relative), text);
  const fileEvent = (relative: string, type: number) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(relative), type }] });

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-config-'));
    write('.bulkhead.yaml', 'rules:\n  dockerfile/user-root: error\n  dockerfile/healthcheck-missing: error\n');
    write('Dockerfile', ROOT_DOCKERFILE);
    client = await TestClient.start({
      workspaceFolders: [pathToFileURL(root).href],
      // The user's settings win over the file: healthcheck-missing is info here.
      settings: { rules: { 'dockerfile/healthcheck-missing': 'info' } },
      workspaceCapabilities: { didChangeWatchedFiles: { dynamicRegistration: true } },
    });
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('applies the folder’s configuration file under the user’s settings', async () => {
    const params = await client.nextOrSeen(uriOf('Dockerfile'), (published) => severityOf(published, 'dockerfile/user-root') !== undefined);
    assert.equal(severityOf(params, 'dockerfile/user-root'), 1 /* Error, from the file */);
    assert.equal(severityOf(params, 'dockerfile/healthcheck-missing'), 3 /* Information, from the settings */);
  });

  it('a change to the file re-analyses the workspace', async () => {
    write('.bulkhead.yaml', 'rules:\n  dockerfile/user-root: off\n');
    const off = client.nextDiagnostics(uriOf('Dockerfile'), (published) => severityOf(published, 'dockerfile/user-root') === undefined);
    fileEvent('.bulkhead.yaml', CHANGED);
    await off;
  });

  it('publishes the file’s problems on the file, with exact ranges; clears them once fixed', async () => {
    write('.bulkhead.yaml', 'rules:\n  dockerfile/user-root: loud\nexlude: [vendor]\n');
    const problems = client.nextDiagnostics(uriOf('.bulkhead.yaml'), (published) => published.diagnostics.length > 0);
    const reanalysed = client.nextDiagnostics(uriOf('Dockerfile'), (published) => severityOf(published, 'dockerfile/user-root') === 2 /* default: warning */);
    fileEvent('.bulkhead.yaml', CHANGED);
    const published = await problems;
    await reanalysed;
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.message]),
      [
        ['bulkhead/config', { start: { line: 1, character: 24 }, end: { line: 1, character: 28 } }, "The severity of 'dockerfile/user-root' must be off, info, warning or error, not \"loud\"."],
        ['bulkhead/config', { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, "Unknown key 'exlude': the configuration has rules, exclude, trustedRegistries, kubernetesVersion."],
      ],
    );
    write('.bulkhead.yaml', 'rules: {}\n');
    const cleared = client.nextDiagnostics(uriOf('.bulkhead.yaml'), (params) => params.diagnostics.length === 0);
    fileEvent('.bulkhead.yaml', CHANGED);
    await cleared;
  });

  it('an open configuration file shows its problems as it is edited', async () => {
    const uri = uriOf('.bulkhead.yaml');
    client.open(uri, 'rules: {}\n', 'yaml', 1);
    await client.diagnosticsFor(uri, 1);
    client.change(uri, 2, 'kubernetesVersion: soon\n');
    const live = await client.diagnosticsFor(uri, 2);
    assert.deepEqual(live.diagnostics.map((diagnostic) => diagnostic.range), [{ start: { line: 0, character: 19 }, end: { line: 0, character: 23 } }]);
    const closed = client.nextDiagnostics(uri, (params) => params.diagnostics.length === 0);
    client.close(uri);
    await closed; // What is on disk ('rules: {}') has no problems.
  });

  it('deleting the file restores the defaults', async () => {
    write('.bulkhead.yaml', 'rules:\n  dockerfile/user-root: off\n');
    const off = client.nextDiagnostics(uriOf('Dockerfile'), (published) => severityOf(published, 'dockerfile/user-root') === undefined);
    fileEvent('.bulkhead.yaml', CREATED);
    await off;
    unlinkSync(join(root, '.bulkhead.yaml'));
    const back = client.nextDiagnostics(uriOf('Dockerfile'), (published) => severityOf(published, 'dockerfile/user-root') === 2);
    fileEvent('.bulkhead.yaml', DELETED);
    await back;
  });

  it('shows an unused suppression as an unnecessary info diagnostic on the comment', async () => {
    const uri = uriOf('svc.Dockerfile');
    client.open(uri, 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER 10001\n', 'dockerfile', 1);
    const params = await client.diagnosticsFor(uri, 1);
    const unused = params.diagnostics.find((diagnostic) => diagnostic.code === 'bulkhead/unused-suppression');
    assert.deepEqual(unused && [unused.range, unused.severity, unused.tags, unused.message], [
      { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } },
      3,
      [1],
      'Unused hadolint suppression: no finding of DL3002 (dockerfile/user-root) to hide.',
    ]);
    client.close(uri);
  });
});

describe('LSP: .bulkhead.yaml files in subfolders', () => {
  const USER_ROOT = 'dockerfile/user-root';
  let root: string;
  let client: TestClient;
  const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;
  const write = (relative: string, text: string) => {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), text);
  };
  const fileEvent = (relative: string, type: number) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(relative), type }] });
  /** The next (or an already received) publish for `relative` with diagnostics, where user-root has `severity` (undefined: not reported). */
  const userRootIs = (relative: string, severity: number | undefined, seen = true) => {
    const matches = (params: PublishDiagnosticsParams) => params.diagnostics.length > 0 && severityOf(params, USER_ROOT) === severity;
    return seen ? client.nextOrSeen(uriOf(relative), matches) : client.nextDiagnostics(uriOf(relative), matches);
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-nested-config-'));
    write('.bulkhead.yaml', `rules:\n  ${USER_ROOT}: error\n`);
    write('Dockerfile', ROOT_DOCKERFILE);
    write('svc/.bulkhead.yaml', `rules:\n  ${USER_ROOT}: off\nexclude:\n  - generated/\n`);
    write('svc/Dockerfile', ROOT_DOCKERFILE);
    write('svc/deep/Dockerfile', ROOT_DOCKERFILE);
    write('svc/generated/Dockerfile', ROOT_DOCKERFILE);
    write('web/Dockerfile', ROOT_DOCKERFILE);
    client = await TestClient.start({ workspaceFolders: [pathToFileURL(root).href], workspaceCapabilities: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('a subfolder’s file applies to the files under it only, closed or open; the folder’s file to the others', async () => {
    await userRootIs('Dockerfile', 1);
    await userRootIs('web/Dockerfile', 1);
    await userRootIs('svc/Dockerfile', undefined);
    await userRootIs('svc/deep/Dockerfile', undefined);
    // Its exclude globs are relative to its own folder: svc/generated/ is not analysed.
    await within(
      (async () => {
        while (!client.logs.some((log) => log.message.startsWith('Workspace scan:'))) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      DEFAULT_TIMEOUT_MS,
      'the end of the workspace scan',
    );
    assert.ok(!client.published.some((params) => params.uri === uriOf('svc/generated/Dockerfile') && params.diagnostics.length > 0), 'svc/generated/ is excluded');

    const open = uriOf('svc/deep/Dockerfile');
    client.open(open, ROOT_DOCKERFILE, 'dockerfile', 1);
    const opened = await client.diagnosticsFor(open, 1);
    assert.ok(opened.diagnostics.length > 0 && severityOf(opened, USER_ROOT) === undefined, 'the open document resolves the same');
    const excluded = uriOf('svc/generated/Dockerfile');
    client.open(excluded, ROOT_DOCKERFILE, 'dockerfile', 1);
    assert.deepEqual((await client.diagnosticsFor(excluded, 1)).diagnostics, [], 'an excluded file opened has no findings');
    client.close(excluded);
  });

  it('a change to a subfolder’s file re-analyses the files under it', async () => {
    write('svc/.bulkhead.yaml', `rules:\n  ${USER_ROOT}: info\n`);
    const closed = userRootIs('svc/Dockerfile', 3, false);
    const open = userRootIs('svc/deep/Dockerfile', 3, false);
    fileEvent('svc/.bulkhead.yaml', CHANGED);
    await Promise.all([closed, open]);
    assert.equal(severityOf(await userRootIs('Dockerfile', 1), USER_ROOT), 1, 'the folder’s file still applies outside svc/');
  });

  it('a new file in a subfolder applies at once; deleting one brings the folder’s back', async () => {
    write('web/.bulkhead.yml', `rules:\n  ${USER_ROOT}: off\n`);
    const off = userRootIs('web/Dockerfile', undefined, false);
    fileEvent('web/.bulkhead.yml', CREATED);
    await off;

    unlinkSync(join(root, 'svc/.bulkhead.yaml'));
    const closed = userRootIs('svc/Dockerfile', 1, false);
    const open = userRootIs('svc/deep/Dockerfile', 1, false);
    const nowIncluded = userRootIs('svc/generated/Dockerfile', 1, false);
    fileEvent('svc/.bulkhead.yaml', DELETED);
    await Promise.all([closed, open, nowIncluded]);
  });

  it('publishes a subfolder file’s problems on it', async () => {
    write('web/.bulkhead.yml', 'rules:\n  no/such-rule: off\n');
    const problems = client.nextDiagnostics(uriOf('web/.bulkhead.yml'), (params) => params.diagnostics.length > 0);
    fileEvent('web/.bulkhead.yml', CHANGED);
    assert.deepEqual((await problems).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start]), [['bulkhead/config', { line: 1, character: 2 }]]);
  });
});

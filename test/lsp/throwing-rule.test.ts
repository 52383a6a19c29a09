/**
 * A rule that throws, in the real bundled server: no document makes a shipped rule throw, so the
 * server is started with its test-only hook BULKHEAD_TEST_THROWING_RULE=1 (server/src/lsp/test-hooks.ts),
 * which adds `dockerfile/test-throwing-rule`, throwing on every Dockerfile.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover } from 'vscode-languageserver';
import { PRIVILEGED_POD, ROOT_DOCKERFILE } from './manifests';
import { messageOf, TestClient, withCode } from './support';

const WARNING = 2;

describe('LSP: a rule that throws', () => {
  let client: TestClient;
  before(async () => {
    // The spawned server inherits this process's environment; this file runs in a process of its own.
    process.env.BULKHEAD_TEST_THROWING_RULE = '1';
    try {
      client = await TestClient.start();
    } finally {
      delete process.env.BULKHEAD_TEST_THROWING_RULE;
    }
  });
  after(() => client.dispose());

  it('becomes one bulkhead/internal diagnostic, and the other rules\' findings still arrive', async () => {
    const uri = 'file:///tmp/x/Dockerfile';
    client.open(uri, ROOT_DOCKERFILE);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const [internal, ...more] = withCode(diagnostics, 'bulkhead/internal');
    assert.ok(internal, 'one bulkhead/internal diagnostic');
    assert.equal(more.length, 0);
    assert.equal(internal.severity, WARNING);
    assert.equal(internal.source, 'bulkhead');
    assert.match(messageOf(internal), /^Bulkhead rule dockerfile\/test-throwing-rule failed on this file and was skipped: .*throws on purpose/);
    assert.deepEqual(internal.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(withCode(diagnostics, 'dockerfile/user-root').map((diagnostic) => diagnostic.range), [{ start: { line: 1, character: 5 }, end: { line: 1, character: 9 } }]);
    assert.equal(withCode(diagnostics, 'dockerfile/test-throwing-rule').length, 0);
  });

  it('hover and quick fixes keep working on that file', async () => {
    const uri = 'file:///tmp/x/Dockerfile';
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    assert.match(JSON.stringify(hover?.contents), /dockerfile\/user-root/);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
      context: { diagnostics: withCode(diagnostics, 'dockerfile/user-root'), only: ['quickfix'] },
    });
    assert.ok(actions.some((action) => action.title.includes('10001')), actions.map((action) => action.title).join(', '));
  });

  it('other kinds of files are not affected', async () => {
    const uri = 'file:///tmp/x/pod.yaml';
    client.open(uri, PRIVILEGED_POD);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.equal(withCode(diagnostics, 'bulkhead/internal').length, 0);
    assert.equal(withCode(diagnostics, 'k8s/privileged-container').length, 1);
  });

  it('the failure is a diagnostic, not a crash: the server exits cleanly', async () => {
    assert.equal(await client.stop(), 0);
    assert.equal(client.stderr, '');
  });
});

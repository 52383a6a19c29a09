import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver';
import { PRIVILEGED_POD_WITH_SIDECAR, ROOT_DOCKERFILE } from './manifests';
import { withTabStops } from '../../server/src/lsp/code-actions';
import { applyWorkspaceEdit, editsFor, findAction, TestClient, withCode } from './support';

const POD_URI = 'file:///tmp/x/two.yaml';
const DOCKERFILE_URI = 'file:///tmp/x/Dockerfile';

function rangeOf(diagnostic: Diagnostic): Range {
  return diagnostic.range;
}

describe('LSP: code actions', () => {
  let client: TestClient;
  let podFindings: Diagnostic[];
  let dockerfileFinding: Diagnostic;

  async function actionsAt(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return (await client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    })) ?? [];
  }

  before(async () => {
    client = await TestClient.start();
    client.open(POD_URI, PRIVILEGED_POD_WITH_SIDECAR);
    client.open(DOCKERFILE_URI, ROOT_DOCKERFILE);
    podFindings = withCode((await client.diagnosticsFor(POD_URI, 1)).diagnostics, 'k8s/privileged-container');
    dockerfileFinding = withCode((await client.diagnosticsFor(DOCKERFILE_URI, 1)).diagnostics, 'dockerfile/user-root')[0]!;
    assert.equal(podFindings.length, 2);
  });
  after(() => client.dispose());

  it('offers a preferred quick fix for a safe fix, tied to its diagnostic and the document version', async () => {
    const [first] = podFindings;
    const actions = await actionsAt(POD_URI, rangeOf(first!), [first!]);
    const fix = findAction(actions, 'Set privileged: false');
    assert.ok(fix, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [first]);
    assert.deepEqual(fix.edit?.documentChanges?.[0] && 'textDocument' in fix.edit.documentChanges[0] ? fix.edit.documentChanges[0].textDocument : undefined, { uri: POD_URI, version: 1 });
    assert.deepEqual(editsFor(fix.edit, POD_URI), [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } }, newText: 'false' }]);
  });

  it('offers a suggestion as a quick fix that is not preferred', async () => {
    const actions = await actionsAt(DOCKERFILE_URI, rangeOf(dockerfileFinding), [dockerfileFinding]);
    const fix = findAction(actions, 'Run as UID 10001');
    assert.ok(fix);
    assert.equal(fix.isPreferred, false);
    assert.equal(applyWorkspaceEdit(ROOT_DOCKERFILE, fix.edit, DOCKERFILE_URI), 'FROM alpine:3.20\nUSER 10001\n');
  });

  it('finds fixes from the range alone, when the client sends no diagnostics', async () => {
    const actions = await actionsAt(POD_URI, { start: { line: 13, character: 10 }, end: { line: 13, character: 10 } }, []);
    const fix = findAction(actions, 'Set privileged: false');
    assert.ok(fix);
    assert.deepEqual(editsFor(fix.edit, POD_URI)[0]!.range.start, { line: 13, character: 20 });
  });

  it('offers "fix all <rule>" when the file has two or more fixable findings of the rule', async () => {
    const actions = await actionsAt(POD_URI, rangeOf(podFindings[0]!), [podFindings[0]!]);
    const fixAll = findAction(actions, 'Fix all k8s/privileged-container problems in this file');
    assert.ok(fixAll);
    assert.equal(applyWorkspaceEdit(PRIVILEGED_POD_WITH_SIDECAR, fixAll.edit, POD_URI), PRIVILEGED_POD_WITH_SIDECAR.replaceAll('privileged: true', 'privileged: false'));
    const single = await actionsAt(DOCKERFILE_URI, rangeOf(dockerfileFinding), [dockerfileFinding]);
    assert.equal(findAction(single, /^Fix all/), undefined);
  });

  it('inserts "ignore for this line" above the finding with its indentation, which hides the finding', async () => {
    const second = podFindings[1]!;
    const actions = await actionsAt(POD_URI, rangeOf(second), [second]);
    const ignore = findAction(actions, 'Ignore k8s/privileged-container for this line');
    assert.ok(ignore);
    assert.equal(ignore.kind, 'quickfix');
    assert.deepEqual(editsFor(ignore.edit, POD_URI), [
      { range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, newText: '        # bulkhead-ignore k8s/privileged-container\n' },
    ]);
    const ignored = applyWorkspaceEdit(PRIVILEGED_POD_WITH_SIDECAR, ignore.edit, POD_URI);
    const uri = 'file:///tmp/x/ignored.yaml';
    client.open(uri, ignored);
    const remaining = withCode((await client.diagnosticsFor(uri, 1)).diagnostics, 'k8s/privileged-container');
    assert.deepEqual(remaining.map((diagnostic) => diagnostic.range.start.line), [9]);
  });

  it('appends the rule to an existing suppression comment instead of adding a second one', async () => {
    const uri = 'file:///tmp/x/suppressed/Dockerfile';
    const text = 'FROM alpine:3.20\n# bulkhead-ignore dockerfile/other -- reviewed\nUSER root\n';
    client.open(uri, text);
    const [finding] = withCode((await client.diagnosticsFor(uri, 1)).diagnostics, 'dockerfile/user-root');
    const ignore = findAction(await actionsAt(uri, finding!.range, [finding!]), 'Ignore dockerfile/user-root for this line');
    assert.equal(applyWorkspaceEdit(text, ignore?.edit, uri), 'FROM alpine:3.20\n# bulkhead-ignore dockerfile/other,dockerfile/user-root -- reviewed\nUSER root\n');
  });

  it('inserts "ignore in this file" at the top, after Dockerfile parser directives', async () => {
    const uri = 'file:///tmp/x/directives/Dockerfile';
    const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine:3.20\nUSER root\n';
    client.open(uri, text);
    const [finding] = withCode((await client.diagnosticsFor(uri, 1)).diagnostics, 'dockerfile/user-root');
    const ignore = findAction(await actionsAt(uri, finding!.range, [finding!]), 'Ignore dockerfile/user-root in this file');
    const ignored = applyWorkspaceEdit(text, ignore?.edit, uri);
    assert.equal(ignored, '# syntax=docker/dockerfile:1\n# escape=\\\n# bulkhead-ignore-file dockerfile/user-root\nFROM alpine:3.20\nUSER root\n');
    client.change(uri, 2, ignored);
    assert.deepEqual(withCode((await client.diagnosticsFor(uri, 2)).diagnostics, 'dockerfile/user-root'), []);
  });

  it('respects context.only', async () => {
    const [first] = podFindings;
    const fixAllOnly = await actionsAt(POD_URI, rangeOf(first!), [first!], ['source.fixAll']);
    assert.deepEqual(fixAllOnly.map((action) => action.kind), ['source.fixAll.bulkhead']);
    const quickFixOnly = await actionsAt(POD_URI, rangeOf(first!), [first!], ['quickfix']);
    assert.ok(quickFixOnly.length > 0);
    assert.ok(quickFixOnly.every((action) => action.kind === 'quickfix'));
    const refactorOnly = await actionsAt(POD_URI, rangeOf(first!), [first!], ['refactor']);
    assert.ok(refactorOnly.length > 0, 'the hardened-securityContext refactoring is offered on the pod');
    assert.ok(refactorOnly.every((action) => action.kind === 'refactor.rewrite'));
    assert.deepEqual(await actionsAt(POD_URI, rangeOf(first!), [first!], ['notebook']), []);
  });

  it('source.fixAll.bulkhead applies only safe fixes, and the fixed text is clean after didChange', async () => {
    const uri = 'file:///tmp/x/mixed.yaml';
    client.open(uri, PRIVILEGED_POD_WITH_SIDECAR);
    await client.diagnosticsFor(uri, 1);
    const [action, ...others] = await actionsAt(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.bulkhead']);
    assert.equal(others.length, 0);
    assert.equal(action!.kind, 'source.fixAll.bulkhead');
    assert.equal(editsFor(action!.edit, uri).length, 1, 'fix-all is one minimal edit');
    const fixed = applyWorkspaceEdit(PRIVILEGED_POD_WITH_SIDECAR, action!.edit, uri);
    // Other rules' safe fixes may join in; this rule's two fixes must be there.
    assert.equal(fixed.split('privileged: false').length - 1, 2);
    assert.ok(!fixed.includes('privileged: true'));
    client.change(uri, 2, fixed);
    const after = (await client.diagnosticsFor(uri, 2)).diagnostics;
    assert.deepEqual(withCode(after, 'k8s/privileged-container'), []);
    // One edit leaves nothing safe to fix (fix-all iterates): no fix-all offered any more.
    assert.deepEqual(after.filter((diagnostic) => (diagnostic.data as { fix?: string } | undefined)?.fix === 'safe'), []);
    assert.deepEqual(await actionsAt(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.bulkhead']), []);
  });

  it('source.fixAll.bulkhead leaves suggestions alone', async () => {
    const actions = await actionsAt(DOCKERFILE_URI, rangeOf(dockerfileFinding), [], ['source.fixAll.bulkhead']);
    const fixAll = findAction(actions, /.*/);
    // user-root's fix is a suggestion: fix-all either is not offered or does not apply it.
    assert.ok(fixAll === undefined || !applyWorkspaceEdit(ROOT_DOCKERFILE, fixAll.edit, DOCKERFILE_URI).includes('USER 10001'));
  });

  it('answers an empty list for an unknown document or a stale range', async () => {
    assert.deepEqual(await actionsAt('file:///tmp/x/never-opened.yaml', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
    const beyond = await actionsAt(POD_URI, { start: { line: 500, character: 0 }, end: { line: 500, character: 3 } }, []);
    assert.equal(findAction(beyond, /^Ignore/), undefined);
  });
});

describe('LSP: refactorings', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ workspaceCapabilities: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
  });
  after(() => client.dispose());

  it('offers refactor.rewrite actions, and a new file through a create operation', async () => {
    const uri = 'file:///tmp/x/deploy/api.yaml';
    client.open(uri, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          ports:\n            - containerPort: 8080\n');
    await client.diagnosticsFor(uri, 1);
    const actions = (await client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: [], only: ['refactor'] },
    })) ?? [];
    assert.ok(actions.length > 0 && actions.every((action) => action.kind === 'refactor.rewrite'));
    const policy = findAction(actions, /networkpolicy\.yaml/);
    assert.ok(policy, actions.map((action) => action.title).join('\n'));
    const changes = policy.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: 'file:///tmp/x/deploy/api-networkpolicy.yaml', options: { overwrite: false, ignoreIfExists: true } });
    const created = changes[1] as { textDocument: { uri: string }; edits: { newText: string }[] };
    assert.equal(created.textDocument.uri, 'file:///tmp/x/deploy/api-networkpolicy.yaml');
    assert.match(created.edits[0]!.newText, /kind: NetworkPolicy[\s\S]*podSelector: \{\}[\s\S]*port: 8080/);
  });
});

describe('LSP: refactoring placeholders as tab stops', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ workspaceCapabilities: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } });
  });
  after(() => client.dispose());

  it('turns CHANGE-ME placeholders into numbered tab stops for clients with snippet edits', async () => {
    const uri = 'file:///tmp/x/deploy/secret.yaml';
    client.open(uri, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: s3cr3t-Value-42\n');
    await client.diagnosticsFor(uri, 1);
    const actions = (await client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics: [], only: ['refactor.rewrite'] },
    })) ?? [];
    const external = findAction(actions, /ExternalSecret/);
    assert.ok(external, actions.map((action) => action.title).join('\n'));
    const edits = (external.edit?.documentChanges?.[0] as { edits: { snippet?: { kind: string; value: string } }[] }).edits;
    const snippet = edits.find((edit) => edit.snippet)?.snippet;
    assert.equal(snippet?.kind, 'snippet');
    assert.match(snippet!.value, /name: \$\{1:CHANGE-ME\}[\s\S]*key: \$\{2:CHANGE-ME\}/);
    assert.ok(!snippet!.value.includes('s3cr3t'), 'the plaintext is gone');
  });
});

describe('withTabStops', () => {
  it('escapes snippet syntax in the literal text', () => {
    assert.equal(withTabStops('a: $HOME}\\ CHANGE-ME b: CHANGE-ME'), 'a: \\$HOME\\}\\\\ ${1:CHANGE-ME} b: ${2:CHANGE-ME}');
  });
});

/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyAction, codeActions, EXTENSION_ID, hasCode, lacksCode, open, waitForDiagnostics, wholeDocument, withCode } from './helpers';

const titles = (actions: readonly vscode.CodeAction[]) => actions.map((action) => `${action.kind?.value ?? '?'}: ${action.title}`).join('\n');

// Each test changes its own file of the workspace; the screenshot scenes use the untouched ones.
describe('code actions', () => {
  it('a quick fix applies and its diagnostic goes away', async () => {
    const { document } = await open('quickfix/Dockerfile');
    const [finding] = withCode(await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root'), 'dockerfile/user-root');
    const actions = await codeActions(document.uri, finding!.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Run as UID 10001');
    assert.ok(fix, titles(actions));
    assert.equal(fix.kind?.value, 'quickfix');
    await applyAction(fix);
    assert.equal(document.lineAt(1).text, 'USER 10001');
    await waitForDiagnostics(document.uri, lacksCode('dockerfile/user-root'), 'dockerfile/user-root to go away');
  });

  it('source.fixAll.bulkhead fixes every safe finding of the file', async () => {
    const { document } = await open('k8s/fix-all.yaml');
    await waitForDiagnostics(document.uri, hasCode('k8s/privileged-container'), 'k8s/privileged-container');
    const actions = await codeActions(document.uri, wholeDocument(document), 'source.fixAll.bulkhead');
    assert.equal(actions.length, 1, titles(actions));
    assert.equal(actions[0]!.kind?.value, 'source.fixAll.bulkhead');
    await applyAction(actions[0]!);
    assert.ok(!document.getText().includes('privileged: true'));
    assert.equal(document.getText().split('privileged: false').length - 1, 2);
    await waitForDiagnostics(document.uri, lacksCode('k8s/privileged-container'), 'k8s/privileged-container to go away');
  });

  it('editor.codeActionsOnSave with source.fixAll.bulkhead fixes on save', async () => {
    // Configured the way users do it, in the workspace's .vscode/settings.json (for YAML).
    const { document, editor } = await open('k8s/save.yaml');
    assert.deepEqual(vscode.workspace.getConfiguration('editor', document).get('codeActionsOnSave'), { 'source.fixAll.bulkhead': 'explicit' });
    await waitForDiagnostics(document.uri, hasCode('k8s/privileged-container'), 'k8s/privileged-container');
    // Only a changed document runs the save participants.
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# saved by the e2e suite\n')));
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.equal(document.isDirty, false);
    assert.ok(!document.getText().includes('privileged: true'), document.getText());
    assert.ok(!readFileSync(document.uri.fsPath, 'utf8').includes('privileged: true'), 'the fixed text is what was written');
    await waitForDiagnostics(document.uri, lacksCode('k8s/privileged-container'), 'k8s/privileged-container to go away');
  });

  it('the hardened-securityContext refactoring is offered on a Deployment and applies', async () => {
    const { document } = await open('k8s/harden.yaml');
    await waitForDiagnostics(document.uri, hasCode('k8s/readonly-root-fs'), 'k8s/readonly-root-fs');
    const actions = await codeActions(document.uri, wholeDocument(document), vscode.CodeActionKind.RefactorRewrite.value);
    const harden = actions.find((action) => action.title.startsWith('Harden'));
    assert.ok(harden, titles(actions));
    assert.equal(harden.kind?.value, 'refactor.rewrite');
    await applyAction(harden);
    const text = document.getText();
    for (const expected of ['runAsNonRoot: true', 'readOnlyRootFilesystem: true', 'allowPrivilegeEscalation: false', 'RuntimeDefault']) assert.ok(text.includes(expected), `${expected} in\n${text}`);
    const after = await waitForDiagnostics(
      document.uri,
      (all) => ['k8s/readonly-root-fs', 'k8s/run-as-non-root', 'k8s/seccomp-not-set', 'k8s/allow-privilege-escalation'].every((code) => lacksCode(code)(all)),
      'the securityContext findings to go away',
    );
    assert.ok(hasCode('k8s/networkpolicy-coverage')(after), 'findings the refactoring does not address stay');
  });

  it('the distroless refactoring is offered on a Go Dockerfile and applies', async () => {
    const { document } = await open('go/Dockerfile');
    await waitForDiagnostics(document.uri, hasCode('dockerfile/non-minimal-final-image'), 'dockerfile/non-minimal-final-image');
    const actions = await codeActions(document.uri, wholeDocument(document), vscode.CodeActionKind.RefactorRewrite.value);
    const distroless = actions.find((action) => action.title.startsWith('Convert to a multi-stage build with a distroless final stage'));
    assert.ok(distroless, titles(actions));
    await applyAction(distroless);
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const expected = readFileSync(path.join(extensionPath, 'test/fixtures/refactors/dockerfile-distroless/go-static.expected.Dockerfile'), 'utf8');
    assert.equal(document.getText(), expected);
    await waitForDiagnostics(
      document.uri,
      (all) => lacksCode('dockerfile/non-minimal-final-image')(all) && lacksCode('dockerfile/user-root')(all),
      'dockerfile/non-minimal-final-image and dockerfile/user-root to go away',
    );
  });
});

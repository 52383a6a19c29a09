/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fileUri, hasCode, waitForDiagnostics, withCode } from './helpers';

describe('workspace-wide diagnostics', () => {
  it('reports a Compose file that was never opened', async () => {
    const uri = fileUri('never-opened/compose.yaml');
    const diagnostics = await waitForDiagnostics(uri, hasCode('compose/privileged'), 'compose/privileged');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'the file is not open');
    assert.deepEqual(withCode(diagnostics, 'compose/privileged').map((d) => [d.range.start.line, d.range.start.character]), [[3, 4]]);
    const all = vscode.languages.getDiagnostics();
    const entry = all.find(([candidate]) => candidate.toString() === uri.toString());
    assert.ok(entry, 'languages.getDiagnostics() lists the file');
    assert.ok(entry[1].some((diagnostic) => codeOf(diagnostic) === 'compose/privileged'));
    const withFindings = new Set(all.filter(([, list]) => list.some((d) => d.source === 'bulkhead')).map(([candidate]) => vscode.workspace.asRelativePath(candidate)));
    for (const expected of ['never-opened/compose.yaml', 'k8s/deployment.yaml', 'go/Dockerfile']) assert.ok(withFindings.has(expected), `${expected} in ${[...withFindings].join(', ')}`);
  });
});

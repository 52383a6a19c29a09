/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, hasCode, open, waitForDiagnostics, withCode } from './helpers';

describe('activation and diagnostics', () => {
  it('activates on a Dockerfile and reports USER root on its exact range', async () => {
    const { document } = await open('Dockerfile');
    assert.equal(document.languageId, 'dockerfile');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');
    const [finding, ...others] = withCode(diagnostics, 'dockerfile/user-root');
    assert.equal(others.length, 0);
    assert.deepEqual(
      [finding!.range.start.line, finding!.range.start.character, finding!.range.end.line, finding!.range.end.character],
      [1, 5, 1, 9],
    );
    assert.equal(document.getText(finding!.range), 'root');
    assert.equal(finding!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(finding!.source, 'bulkhead');
    const code = finding!.code;
    assert.ok(typeof code === 'object' && code.target.toString().includes('docs/rules/dockerfile/user-root.md'), 'the code links to the rule documentation');
  });

  it('activates on a Kubernetes manifest and reports both privileged containers', async () => {
    const { document } = await open('k8s/pod.yaml');
    assert.equal(document.languageId, 'yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => withCode(all, 'k8s/privileged-container').length === 2, 'two k8s/privileged-container findings');
    const privileged = withCode(diagnostics, 'k8s/privileged-container').sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(privileged.map((d) => [d.range.start.line, d.range.start.character]), [[9, 8], [13, 8]]);
    for (const finding of privileged) {
      assert.match(document.getText(finding.range), /^privileged/);
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    }
    assert.ok(withCode(diagnostics, 'k8s/readonly-root-fs').length === 2, 'other rules report too');
  });
});

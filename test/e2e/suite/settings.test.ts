/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasCode, lacksCode, open, waitForDiagnostics, withCode } from './helpers';

const RULE = 'dockerfile/user-root';
const severityIs = (severity: vscode.DiagnosticSeverity) => (all: vscode.Diagnostic[]) => {
  const found = withCode(all, RULE);
  return found.length === 1 && found[0]!.severity === severity;
};

describe('settings', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('bulkhead').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('changing bulkhead.rules changes severities live, and "off" removes the finding', async () => {
    const { document } = await open('severity/Dockerfile');
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Warning), `${RULE} as a warning (its default)`);
    const config = () => vscode.workspace.getConfiguration('bulkhead');
    await config().update('rules', { [RULE]: 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Error), `${RULE} as an error`);
    await config().update('rules', { [RULE]: 'info' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Information), `${RULE} as information`);
    await config().update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, lacksCode(RULE), `${RULE} to be switched off`);
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    const back = await waitForDiagnostics(document.uri, hasCode(RULE), `${RULE} back at its default`);
    assert.equal(withCode(back, RULE)[0]!.severity, vscode.DiagnosticSeverity.Warning);
  });
});

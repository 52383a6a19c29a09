/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hasCode, lacksCode, open, waitForDiagnostics } from './helpers';

describe('suppression comments', () => {
  it('a committed bulkhead-ignore comment hides the finding on the next line', async () => {
    const { document } = await open('suppressed/Dockerfile');
    // Wait for the analysis itself (another finding of the file), then check what is missing.
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('dockerfile/add-instead-of-copy'), 'dockerfile/add-instead-of-copy');
    assert.ok(lacksCode('dockerfile/user-root')(diagnostics), 'USER root is suppressed');
  });

  it('typing the comment above the line hides the finding live', async () => {
    const { document, editor } = await open('suppressed/Containerfile');
    await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root');
    const userLine = document.getText().split('\n').indexOf('USER root');
    assert.ok(userLine > 0);
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(userLine, 0), '# bulkhead-ignore dockerfile/user-root -- needs root\n')));
    const after = await waitForDiagnostics(document.uri, lacksCode('dockerfile/user-root'), 'dockerfile/user-root to go away');
    assert.ok(hasCode('dockerfile/add-instead-of-copy')(after), 'other findings stay');
  });
});

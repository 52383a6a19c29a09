/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulkheadApi } from '../../../client/src/extension';
import { EXTENSION_ID, hasCode, waitForDiagnostics, withCode } from './helpers';

/** Whether a process exists (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a crashed language server', () => {
  it('is restarted: killed with SIGKILL, a document edited afterwards gets its diagnostics from a new server', async () => {
    const extension = vscode.extensions.getExtension<BulkheadApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const api = extension.isActive ? extension.exports : await extension.activate();
    const before = api.serverProcessId();
    assert.ok(before !== undefined && alive(before), `the server is running (pid ${before})`);

    process.kill(before, 'SIGKILL');

    // A document that did not exist before the crash, made insecure by an edit after it: only a
    // running (new) server can report it.
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine:3.20\nUSER 10001\n' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 5, 1, 10), 'root'));
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root from the restarted server');
    assert.deepEqual(withCode(diagnostics, 'dockerfile/user-root').map((d) => [d.range.start.line, d.range.start.character]), [[1, 5]]);

    const after = api.serverProcessId();
    assert.ok(after !== undefined && after !== before, `a new server process (${before} → ${after})`);
    assert.ok(!alive(before), `the killed server (pid ${before}) is gone`);
    assert.ok(alive(after), `the new server (pid ${after}) runs`);

    // Leaves no untitled editor behind (it would ask to be saved, and show in the screenshots).
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('is given up on after crashing 5 times in 3 minutes; "Restart Language Server" starts it again', async function () {
    this.timeout(120_000);
    const api = vscode.extensions.getExtension<BulkheadApi>(EXTENSION_ID)!.exports;
    // Kill every server the client starts until it starts no more (the test above crashed one already).
    const killed: number[] = [];
    for (let round = 0; round < MAX_CRASHES; round++) {
      const pid = await until(() => api.serverProcessId(), `a running server after ${killed.length} kills`, 10_000).catch(() => undefined);
      if (pid === undefined) break;
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
      await until(() => (api.serverProcessId() !== pid ? true : undefined), `the client to notice that ${pid} died`, 15_000);
    }
    assert.ok(killed.length >= 1 && killed.length < MAX_CRASHES, `the client stopped restarting (killed ${killed.join(', ')})`);
    await sleep(2_000);
    assert.equal(api.serverProcessId(), undefined, 'no server is started once the client has given up');

    await vscode.commands.executeCommand('bulkhead.restartServer');
    const restarted = await until(() => api.serverProcessId(), 'the server started by Restart Language Server', 30_000);
    assert.ok(alive(restarted) && !killed.includes(restarted), `a new server runs (pid ${restarted})`);
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine:3.20\nUSER root\n' });
    await vscode.window.showTextDocument(document, { preview: false });
    await waitForDiagnostics(document.uri, hasCode('dockerfile/user-root'), 'dockerfile/user-root from the server started again');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

/** More kills than the client restarts after (4 restarts in 3 minutes, the crash test above included). */
const MAX_CRASHES = 8;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value; rejects after `timeoutMs`, naming `what`. */
async function until<T>(check: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

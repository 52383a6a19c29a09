/**
 * The extension-host entry of the end-to-end suite (`extensionTestsPath`): VS Code calls `run()`
 * inside its extension host, after loading the extension under development. Both runners use it:
 * `run-electron.ts` (@vscode/test-electron) and `run-code-server.ts` (code-server + Chromium).
 *
 * The results (counts and failures) go to the JSON file named by BULKHEAD_E2E_RESULTS, because
 * a browser-hosted VS Code cannot hand an exit code to the runner. When BULKHEAD_E2E_SCENES names
 * a directory, the suite then sets up a few views for screenshots, one at a time: it writes
 * `<n>-<name>.ready` there and waits for the runner to write `<n>-<name>.done`.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, watch, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { applyAction, codeActions, open, waitForDiagnostics, wholeDocument, withCode } from './helpers';

/** Test files in the order they run (the workspace-wide check first, before any edit; the server crash last). */
const ORDER = ['activation', 'workspace', 'code-actions', 'suppression', 'settings', 'crash'];
/**
 * The code-server runner runs the suite a second time in Restricted Mode (BULKHEAD_E2E_PASS=restricted):
 * then only this file runs, and it runs only then (it asserts that the workspace is untrusted).
 */
const RESTRICTED = 'restricted-mode.test.js';

export interface E2eResults {
  vscodeVersion: string;
  appHost: string;
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: { title: string; state: 'passed' | 'failed'; durationMs: number }[];
  failures: { title: string; error: string }[];
}

export async function run(): Promise<void> {
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const restricted = process.env.BULKHEAD_E2E_PASS === 'restricted';
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.test.js') && (file === RESTRICTED) === restricted);
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const results: E2eResults = {
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    passed: 0,
    failed: 0,
    pending: 0,
    durationMs: 0,
    tests: [],
    failures: [],
  };
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      });
      runner.on('fail', (test, error: Error) => {
        results.failed++;
        results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0 });
        results.failures.push({ title: test.fullTitle(), error: error?.stack ?? String(error) });
      });
      runner.on('pending', () => results.pending++);
    });
  } catch (error) {
    results.failed++;
    results.failures.push({ title: 'loading the suite', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  if (files.length === 0) {
    results.failed++;
    results.failures.push({ title: 'loading the suite', error: `no *.test.js next to ${__filename}` });
  }
  results.durationMs = Date.now() - started;
  const resultsFile = process.env.BULKHEAD_E2E_RESULTS;
  if (resultsFile) {
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    // Written whole, then renamed: the runner never reads half a file.
    writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
    renameSync(`${resultsFile}.tmp`, resultsFile);
  }
  console.log(`[bulkhead e2e] ${results.passed} passed, ${results.failed} failed (VS Code ${vscode.version}, ${vscode.env.appHost})`);

  const scenesDir = process.env.BULKHEAD_E2E_SCENES;
  if (scenesDir) {
    try {
      await screenshotScenes(scenesDir);
    } catch (error) {
      console.error('[bulkhead e2e] screenshot scenes failed (best effort):', error);
    }
  }
  if (results.failed > 0) throw new Error(`${results.failed} end-to-end test(s) failed`);
}

function rank(file: string): number {
  const index = ORDER.indexOf(file.replace(/\.test\.js$/, ''));
  return index < 0 ? ORDER.length : index;
}

const SCENE_WAIT_MS = 10_000;

/** Sets up each view, tells the runner it is ready, and waits (bounded) for its screenshot. */
async function screenshotScenes(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // The tests changed only their own files: Dockerfile, k8s/pod.yaml and k8s/deployment.yaml
  // are as committed. (Editors are not closed: a changed one would ask whether to save.)
  let n = 0;
  const scene = async (name: string, prepare: () => Promise<void>) => {
    n++;
    try {
      await prepare();
    } catch (error) {
      console.error(`[bulkhead e2e] scene ${name} could not be prepared:`, error);
    }
    writeFileSync(path.join(dir, `${n}-${name}.ready`), '');
    await waitForFile(path.join(dir, `${n}-${name}.done`), SCENE_WAIT_MS);
  };

  const dockerfileAtFinding = async () => {
    const { document, editor } = await open('Dockerfile');
    const [finding] = withCode(await waitForDiagnostics(document.uri, (all) => withCode(all, 'dockerfile/user-root').length > 0, 'dockerfile/user-root'), 'dockerfile/user-root');
    editor.selection = new vscode.Selection(finding!.range.start, finding!.range.start);
    return editor;
  };

  await scene('problems', async () => {
    await open('k8s/pod.yaml');
    await dockerfileAtFinding();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  await scene('hover', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await dockerfileAtFinding();
    await vscode.commands.executeCommand('editor.action.showHover');
  });
  await scene('quick-fix', async () => {
    await vscode.commands.executeCommand('editor.action.hideHover');
    await dockerfileAtFinding();
    await vscode.commands.executeCommand('editor.action.quickFix');
  });
  await scene('harden-refactor', async () => {
    await vscode.commands.executeCommand('hideCodeActionWidget');
    const { document, editor } = await open('k8s/deployment.yaml');
    await waitForDiagnostics(document.uri, (all) => all.length > 0, 'findings', SCENE_WAIT_MS);
    const harden = (await codeActions(document.uri, wholeDocument(document), vscode.CodeActionKind.RefactorRewrite.value)).find((action) => action.title.startsWith('Harden'));
    if (harden) await applyAction(harden);
    const line = document.getText().split('\n').findIndex((text) => text.includes('securityContext'));
    if (line >= 0) editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    await waitForDiagnostics(document.uri, (all) => withCode(all, 'k8s/readonly-root-fs').length === 0, 'the hardened manifest', SCENE_WAIT_MS);
  });
  writeFileSync(path.join(dir, 'finished'), '');
}

/** Resolves when `file` exists, or after `timeoutMs` (the screenshots are best effort). */
function waitForFile(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (existsSync(file)) return resolve();
    const watcher = watch(path.dirname(file), () => {
      if (existsSync(file)) done();
    });
    const timer = setTimeout(done, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
  });
}

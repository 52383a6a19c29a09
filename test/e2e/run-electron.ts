/**
 * Runs the end-to-end suite (test/e2e/suite) in VS Code desktop with @vscode/test-electron, for
 * machines with internet access: `runTests` downloads VS Code (cached in .vscode-test/) and starts
 * it with the repository as the extension under development, on a temporary copy of
 * test/e2e/workspace. On Linux without a display, run it under `xvfb-run -a`.
 *
 *   node --import tsx test/e2e/run-electron.ts
 *
 * Environment: BULKHEAD_VSCODE_VERSION (default `stable`; e.g. `1.91.0`, the oldest supported).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildE2eSuite } from './build-suite';
import type { E2eResults } from './suite/index';

const ROOT = join(import.meta.dirname, '..', '..');
const log = (message: string) => console.log(`[e2e:electron] ${message}`);

async function main(): Promise<number> {
  const started = Date.now();
  if (!existsSync(join(ROOT, 'dist', 'extension.js')) || !existsSync(join(ROOT, 'dist', 'server.js'))) {
    throw new Error('dist/ is not built: run `node scripts/build.mjs` first (npm run test:e2e does)');
  }
  const suiteIndex = await buildE2eSuite();
  const temp = mkdtempSync(join(tmpdir(), 'bulkhead-e2e-'));
  const workspace = join(temp, 'workspace');
  cpSync(join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const resultsFile = join(temp, 'results.json');
  let exitCode = 1;
  try {
    const code = await runTests({
      version: process.env.BULKHEAD_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: { BULKHEAD_E2E_RESULTS: resultsFile },
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(temp, 'user'),
        '--extensions-dir', join(temp, 'ext'),
      ],
    }).catch((error: unknown) => {
      console.error(`[e2e:electron] ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    });
    if (!existsSync(resultsFile)) {
      console.log('0 passed, 1 failed');
      log(`VS Code exited with ${code} and wrote no results`);
      return 1;
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as E2eResults;
    for (const test of results.tests) console.log(`  ${test.state === 'passed' ? '✔' : '✘'} ${test.title} (${test.durationMs} ms)`);
    for (const failure of results.failures) console.log(`\nFAILED: ${failure.title}\n${failure.error}\n`);
    log(`VS Code ${results.vscodeVersion} (${results.appHost}); suite ${(results.durationMs / 1000).toFixed(1)} s inside VS Code; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${results.passed} passed, ${results.failed} failed`);
    exitCode = code === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

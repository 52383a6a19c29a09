#!/usr/bin/env node
// `npm run test:e2e`: builds the bundles, then runs the end-to-end suite (test/e2e/suite) inside
// a real VS Code with one of two runners, and says which:
// - code-server + headless Chromium (test/e2e/run-code-server.ts) when /usr/bin/chromium exists
//   and VS Code's download service cannot be reached (the offline CI machines);
// - @vscode/test-electron (test/e2e/run-electron.ts) otherwise.
// BULKHEAD_E2E_RUNNER=code-server|electron forces one. Extra arguments go to the runner.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const chromium = process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium';

/** Whether VS Code's update service answers within a few seconds. */
function online() {
  return new Promise((resolve) => {
    const req = request('https://update.code.visualstudio.com/api/releases/stable', { method: 'HEAD', timeout: 5000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

let runner = process.env.BULKHEAD_E2E_RUNNER;
let why = 'BULKHEAD_E2E_RUNNER';
if (!runner) {
  const hasChromium = existsSync(chromium);
  const hasInternet = await online();
  runner = hasChromium && !hasInternet ? 'code-server' : 'electron';
  why = `${hasChromium ? `${chromium} present` : `no ${chromium}`}, ${hasInternet ? 'VS Code downloads reachable' : 'no internet'}`;
}
if (runner !== 'code-server' && runner !== 'electron') {
  console.error(`unknown BULKHEAD_E2E_RUNNER=${runner} (code-server or electron)`);
  process.exit(2);
}
console.log(`test:e2e: using the ${runner} runner (${why})`);

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const started = Date.now();
const script = join(root, 'test', 'e2e', runner === 'code-server' ? 'run-code-server.ts' : 'run-electron.ts');
const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
console.log(`test:e2e: ${runner} runner finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${result.status ?? result.signal})`);
process.exit(result.status ?? 1);

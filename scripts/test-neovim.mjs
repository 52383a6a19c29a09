#!/usr/bin/env node
// `npm run test:neovim`: proves the language server in an LSP client other than VS Code. Builds
// the bundles, then headless Neovim (Debian's `neovim`, 0.7+) runs test/e2e/neovim/check.lua,
// which starts `node dist/server.js --stdio`, opens a Dockerfile and a Kubernetes manifest of a
// temporary copy of test/e2e/workspace and writes the diagnostics it received as JSON; this
// script prints them and asserts the expected codes and positions. Not part of `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const nvim = process.env.BULKHEAD_NVIM ?? 'nvim';
/** file → the findings it must have: [code, 0-based line, 0-based column]. */
const EXPECTED = {
  Dockerfile: [['dockerfile/user-root', 1, 5]],
  'k8s/pod.yaml': [['k8s/privileged-container', 9, 8], ['k8s/privileged-container', 13, 8]],
};
const TIMEOUT_MS = 60_000;

const version = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error(`${nvim} not found: apt-get install -y neovim`);
  process.exit(1);
}
console.log(`test:neovim: ${version.stdout.split('\n')[0]}`);

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const started = Date.now();
const temp = mkdtempSync(join(tmpdir(), 'bulkhead-neovim-'));
const workspace = join(temp, 'workspace');
cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
const out = join(temp, 'diagnostics.json');

const child = spawn(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${join(root, 'test', 'e2e', 'neovim', 'check.lua')}`], {
  cwd: workspace,
  detached: true, // its own process group: a timeout stops Neovim and the server together
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    BULKHEAD_NODE: process.execPath,
    BULKHEAD_SERVER: join(root, 'dist', 'server.js'),
    BULKHEAD_ROOT: workspace,
    BULKHEAD_FILES: Object.keys(EXPECTED).join(','),
    BULKHEAD_EXPECT: Object.entries(EXPECTED).flatMap(([file, list]) => list.map(([code]) => `${file}=${code}`)).join(','),
    BULKHEAD_OUT: out,
    BULKHEAD_TIMEOUT_MS: String(TIMEOUT_MS / 2),
  },
});
const status = await new Promise((resolve) => {
  const timer = setTimeout(() => {
    console.error(`test:neovim: Neovim did not finish within ${TIMEOUT_MS / 1000} s; stopping it`);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, TIMEOUT_MS);
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    resolve(code ?? signal);
  });
});
// The server normally exits with Neovim; make sure nothing of the group is left.
try {
  process.kill(-child.pid, 'SIGKILL');
} catch {
  // nothing left
}

const failures = [];
let result;
if (status !== 0) failures.push(`nvim exited with ${status}`);
if (!existsSync(out)) failures.push('check.lua wrote no diagnostics');
else {
  result = JSON.parse(readFileSync(out, 'utf8'));
  for (const [file, list] of Object.entries(result.files ?? {})) {
    console.log(JSON.stringify({ file, diagnostics: list.map(({ code, line, col, endLine, endCol, severity }) => ({ code, line, col, endLine, endCol, severity })) }));
  }
  if (result.timedOut) failures.push('timed out waiting for the expected diagnostics');
  for (const [file, expected] of Object.entries(EXPECTED)) {
    const got = result.files?.[file] ?? [];
    for (const [code, line, col] of expected) {
      if (!got.some((d) => d.code === code && d.line === line && d.col === col)) failures.push(`${file}: no ${code} at ${line + 1}:${col + 1} (got ${got.map((d) => `${d.code}@${d.line + 1}:${d.col + 1}`).join(', ') || 'nothing'})`);
    }
    if (got.some((d) => d.source !== 'bulkhead')) failures.push(`${file}: a diagnostic without source "bulkhead"`);
  }
}
rmSync(temp, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  console.log(`test:neovim: failed in ${seconds} s`);
  process.exit(1);
}
const counts = Object.entries(result.files).map(([file, list]) => `${file}: ${list.length}`).join(', ');
console.log(`test:neovim: Neovim ${result.neovim} received the expected diagnostics (${counts}) in ${seconds} s`);

/**
 * Bundles the end-to-end suite (test/e2e/suite) into test/e2e/out/suite with esbuild: index.js
 * (the `extensionTestsPath` module, mocha included) and one file per *.test.ts, which mocha
 * loads. `vscode` stays external: the extension host provides it. Both runners call this first.
 *
 *   node --import tsx test/e2e/build-suite.ts
 */
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
export const E2E_OUT = join(ROOT, 'test', 'e2e', 'out', 'suite');

/** Builds the suite and returns the path of its index.js. */
export async function buildE2eSuite(): Promise<string> {
  const suite = join(ROOT, 'test', 'e2e', 'suite');
  const entryPoints = readdirSync(suite)
    .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
    .map((file) => join(suite, file));
  rmSync(E2E_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: E2E_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
    absWorkingDir: ROOT,
  });
  return join(E2E_OUT, 'index.js');
}

if (process.argv[1] && /build-suite\.ts$/.test(process.argv[1])) {
  buildE2eSuite().then(
    (index) => console.log(`built ${index}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * What the .vsix holds, as `vsce package --no-dependencies` (`npm run package`) would pack it:
 * vsce's own file listing (its `listFiles` API, the same code `vsce ls` runs), which honours
 * .vscodeignore without building a package. Only the two bundles, the grammars package.json
 * contributes, the configuration schema, the manifest, README, CHANGELOG and licence may ship:
 * no sources, source maps, the CLI bundle, tests, examples or node_modules.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { listFiles, PackageManager } from '@vscode/vsce';
import { serverBundle } from '../lsp/support';

const ROOT = join(import.meta.dirname, '..', '..');

interface Manifest {
  readonly main: string;
  readonly contributes: { readonly grammars?: readonly { readonly path: string }[]; readonly yamlValidation?: readonly { readonly url: string }[] };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const relative = (path: string) => path.replace(/^\.\//, '');

/** The exact allow-list, each entry with why it ships. */
const EXPECTED: Readonly<Record<string, string>> = {
  'package.json': 'the extension manifest',
  'README.md': 'the Marketplace page',
  'CHANGELOG.md': 'the Marketplace changelog tab',
  LICENSE: 'the licence',
  [relative(manifest.main)]: 'the extension (client) bundle',
  'dist/server.js': 'the language server bundle the client starts',
  ...Object.fromEntries((manifest.contributes.grammars ?? []).map((grammar) => [relative(grammar.path), 'a grammar package.json contributes'])),
  ...Object.fromEntries((manifest.contributes.yamlValidation ?? []).map((validation) => [relative(validation.url), 'the .bulkhead.yaml JSON schema'])),
};

describe('.vsix contents', () => {
  let files: string[];
  before(async () => {
    await serverBundle(); // builds dist/ (under the test build lock) when it is missing or stale
    files = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).map((file) => file.split('\\').join('/'));
  });

  it('is exactly the allow-list', () => {
    assert.deepEqual([...files].sort(), Object.keys(EXPECTED).sort());
  });

  it('leaves out what exists next to what ships: source maps, the CLI bundle, sources, tests', () => {
    for (const present of ['dist/server.js.map', 'dist/cli.js', 'server/src/server.ts', 'client/src/extension.ts', 'test/lsp/support.ts', 'examples']) {
      assert.ok(existsSync(join(ROOT, present)), `${present} exists, so leaving it out means something`);
      assert.ok(!files.some((file) => file === present || file.startsWith(`${present}/`)), `${present} is packed`);
    }
    assert.ok(!files.some((file) => file.startsWith('node_modules/')), 'node_modules is packed');
    assert.ok(!files.some((file) => file.endsWith('.map') || file.endsWith('.ts')), 'maps or TypeScript sources are packed');
  });

  it('every file package.json points at ships', () => {
    for (const path of [relative(manifest.main), ...(manifest.contributes.grammars ?? []).map((grammar) => relative(grammar.path))]) assert.ok(files.includes(path), path);
  });
});

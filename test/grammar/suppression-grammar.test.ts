/**
 * The TextMate injection grammars of syntaxes/ (package.json `contributes.grammars`) highlight
 * the suppression comments Bulkhead honours — its own and hadolint's, checkov's and Trivy's —
 * in Dockerfiles and YAML, and nothing else. The assertions are the `^` lines of
 * suppressions.test.dockerfile and suppressions.test.yaml beside this file, checked by
 * vscode-tmgrammar-test with vscode-textmate (VS Code's own tokenizer) over the host grammars
 * VS Code ships for Dockerfile and YAML, as the `tm-grammars` package carries them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const TEST_FILES = ['suppressions.test.dockerfile', 'suppressions.test.yaml'].map((name) => join(import.meta.dirname, name));

/** The tool's entry point (what node_modules/.bin/vscode-tmgrammar-test links to), run with this Node. */
function toolPath(): string {
  const manifest = require.resolve('vscode-tmgrammar-test/package.json');
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }).bin['vscode-tmgrammar-test']!;
  return join(dirname(manifest), bin);
}

/** The host grammars the injections go into: Dockerfile (VS Code's) and YAML. */
function hostGrammars(): string[] {
  try {
    return ['docker', 'yaml'].map((name) => require.resolve(`tm-grammars/grammars/${name}.json`));
  } catch {
    throw new Error('The grammar test needs the Dockerfile and YAML grammars of the `tm-grammars` package: it is a devDependency, run `npm install`.');
  }
}

/** Runs vscode-tmgrammar-test on `files` with package.json's grammars over the host grammars. */
function runGrammarTest(files: readonly string[]): { status: number | null; output: string } {
  const args = [toolPath(), '--compact', ...hostGrammars().flatMap((grammar) => ['-g', grammar]), ...files];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('suppression comment grammars', () => {
  it('contributes every grammar of syntaxes/, injected into Dockerfile and YAML', () => {
    const contributed = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { path: string; scopeName: string; injectTo?: string[] }[] } }).contributes.grammars;
    const files = readdirSync(join(ROOT, 'syntaxes')).filter((name) => name.endsWith('.tmLanguage.json')).sort();
    assert.deepEqual(contributed.map((grammar) => grammar.path.replace(/^\.\/syntaxes\//, '')).sort(), files);
    for (const grammar of contributed) {
      const text = JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')) as { scopeName: string; injectionSelector?: string };
      assert.equal(text.scopeName, grammar.scopeName, grammar.path);
      assert.ok(text.injectionSelector && grammar.injectTo?.every((scope) => ['source.dockerfile', 'source.yaml'].includes(scope)), grammar.path);
    }
    assert.deepEqual([...new Set(contributed.flatMap((grammar) => grammar.injectTo ?? []))].sort(), ['source.dockerfile', 'source.yaml']);
  });

  it('passes the scope assertions of the Dockerfile and YAML test files', () => {
    for (const file of TEST_FILES) assert.ok(existsSync(file), file);
    const { status, output } = runGrammarTest(TEST_FILES);
    assert.equal(status, 0, `vscode-tmgrammar-test failed:\n${output}`);
    assert.equal((output.match(/run successfuly/g) ?? []).length, TEST_FILES.length, output);
  });

  it('fails on a wrong assertion (the check is real)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'bulkhead-grammar-'));
    try {
      const file = join(folder, 'wrong.test.dockerfile');
      writeFileSync(file, '# SYNTAX TEST "source.dockerfile" "a wrong assertion"\n# hadolint ignore=DL3008\n# ^^^^^^^^ keyword.control.suppression.bulkhead\n');
      const { status, output } = runGrammarTest([file]);
      assert.notEqual(status, 0, output);
      assert.match(output, /keyword\.control\.suppression\.bulkhead/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/**
 * The refactoring properties (see refactor-properties.ts) over every manifest of examples/ and
 * of the manifest corpus: whatever is offered there parses, resolves what it claims, adds no
 * warning, is idempotent and leaves untouched lines and documents byte-identical.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { applyAll } from './refactor-properties';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const IDS = ['k8s/harden-security-context', 'k8s/secret-to-external-secret', 'k8s/psp-to-psa'];

function yamlFilesUnder(directory: string): string[] {
  return (readdirSync(join(ROOT, directory), { recursive: true }) as string[])
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(ROOT, directory, file))
    .sort();
}

describe('Kubernetes refactorings over examples/ and the manifest corpus', () => {
  const files = [...yamlFilesUnder('examples'), ...yamlFilesUnder('test/fixtures/corpus/manifests')];
  let offered = 0;
  for (const file of files) {
    it(relative(ROOT, file), () => {
      const text = readFileSync(file, 'utf8');
      for (const id of IDS) offered += applyAll(id, text, relative(ROOT, file)).offers.length;
    });
  }
  it('offers something on the corpus', () => assert.ok(offered > 0));
});

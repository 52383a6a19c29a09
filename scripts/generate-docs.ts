/**
 * `npm run docs`: writes docs/rules/<id>.md for every rule (generated header + the hand-written
 * examples kept below the marker), docs/rules/README.md, and the README rule table between its
 * `<!-- rules:start -->` / `<!-- rules:end -->` markers. Deletes generated pages of rules that no
 * longer exist. test/docs/docs-up-to-date.test.ts fails when the files drift from the metadata.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isGeneratedPage, renderDocsTree } from '../server/src/cli/rule-docs';
import { ALL_RULES } from '../server/src/core/index';

const root = join(import.meta.dirname, '..');

function read(path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

const files = renderDocsTree(
  ALL_RULES.map((rule) => rule.meta),
  read,
);

let written = 0;
for (const [path, text] of files) {
  if (read(path) === text) continue;
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
  written++;
}

const docsRoot = join(root, 'docs', 'rules');
for (const entry of readdirSync(docsRoot, { recursive: true }).map(String)) {
  const path = relative(root, join(docsRoot, entry)).split('\\').join('/');
  if (!path.endsWith('.md') || files.has(path)) continue;
  const text = read(path);
  if (text === undefined || !isGeneratedPage(text)) continue;
  rmSync(join(root, path));
  console.log(`removed ${path} (no such rule)`);
  written++;
}

if (!files.has('README.md')) console.log('README.md has no <!-- rules:start --> / <!-- rules:end --> markers: its rule table was not updated');
console.log(written === 0 ? `docs up to date (${ALL_RULES.length} rules)` : `docs updated (${ALL_RULES.length} rules)`);

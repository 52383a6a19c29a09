#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's own test runner (TypeScript through tsx).
// The end-to-end suite under test/e2e runs inside VS Code instead (npm run test:e2e).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'test'), { recursive: true, withFileTypes: false })
  .map(String)
  .filter((file) => file.endsWith('.test.ts') && !file.split(/[\\/]/).includes('e2e'))
  .map((file) => join('test', file))
  .filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
  .sort();

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`ran ${files.length} test files from ${relative(process.cwd(), root) || '.'}`);
process.exit(result.status ?? 1);

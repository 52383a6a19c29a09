#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
// `--production` minifies (for the .vsix); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // yaml's browser build: the same code as its Node build, without the `process.env.LOG_TOKENS`
  // lookup its Node build makes for every token it parses (a 1,000-file scan ran 6.8% fewer
  // instructions under callgrind, with the same report).
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

rmSync(join(root, 'dist'), { recursive: true, force: true });
if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
  for (const file of ['dist/server.js', 'dist/cli.js']) chmodSync(join(root, file), 0o755);
  console.log(`built dist/ (${production ? 'production' : 'development'})`);
}

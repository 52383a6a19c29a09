/**
 * The extension executes nothing from the workspace, makes no network requests, and writes files
 * only where the user asked (the CLI's `--fix` and `--output`). Checked statically, twice:
 *
 * 1. Bulkhead's own sources (server/src, client/src), through the TypeScript AST: which Node.js
 *    built-ins each part may import, no `fetch`/`eval`/`require`/dynamic `import`, and every
 *    file-system call that can write listed below with its reason.
 * 2. The bundles, whose dependencies are code too: the module graph esbuild bundles for
 *    dist/extension.js and dist/server.js (its metafile, built here in memory with the options of
 *    scripts/build.mjs), where every import of a built-in is allowed per module with a reason.
 *    vscode-languageclient does import child_process: it is how the client starts
 *    dist/server.js; the check pins that to its own modules and pins the client to starting the
 *    extension's own bundle. No module of either bundle may import a network client
 *    (http, https, http2, tls, dns, dgram) or call the global fetch; dist/*.js are checked for
 *    those too, as built.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { serverBundle } from '../lsp/support';

const ROOT = join(import.meta.dirname, '..', '..');
const NETWORK = ['http', 'https', 'http2', 'tls', 'dns', 'dgram'];
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const bare = (specifier: string) => specifier.replace(/^node:/, '');

function sourceFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { recursive: true, withFileTypes: false })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => `${directory}/${file.split('\\').join('/')}`)
    .sort();
}

const SOURCES = [...sourceFiles('server/src'), ...sourceFiles('client/src')];
const parsed = new Map(SOURCES.map((file) => [file, ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true)]));

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function lineOf(file: ts.SourceFile, node: ts.Node): number {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

/** Built-ins each part of the sources may import (by path prefix; the first match decides). */
const BUILTINS_ALLOWED: readonly (readonly [string, readonly string[], string])[] = [
  ['client/src/', ['path'], 'the client only locates dist/server.js inside the extension'],
  ['server/src/core/', [], 'the engine runs in a browser worker too: no Node.js at all'],
  ['server/src/lsp/', [], 'the language server talks to the editor only; file access is the host\'s (server/src/node)'],
  ['server/src/node/', ['fs', 'path', 'url'], 'the server\'s host: finds and reads workspace files'],
  ['server/src/cli/parallel-scan.ts', ['os', 'worker_threads'], 'scan workers run the CLI\'s own bundle (new Worker(bundle)), never a workspace file'],
  ['server/src/cli/', ['fs', 'path', 'url', 'util', 'crypto'], 'the command line: reads files, writes --fix and --output, hashes fingerprints'],
  ['server/src/server.ts', [], 'the Node.js entry (its transport comes from vscode-languageserver/node)'],
];

/** fs functions that only read; importing any other fs function is a write capability, listed below. */
const FS_READ_ONLY = new Set(['existsSync', 'readdirSync', 'readFileSync', 'statSync', 'lstatSync', 'realpathSync', 'readFile', 'readdir', 'stat', 'lstat', 'realpath', 'Dirent', 'Stats']);

/** Every call of an fs function that can write, by file, with why and where (the enclosing function or branch that must hold it). */
const FS_WRITES: readonly { file: string; call: string; within: RegExp; reason: string }[] = [
  {
    file: 'server/src/cli/scan.ts',
    call: 'writeFileSync',
    within: /(^| > )if \(options\.fix\) > .*else of if \(options\.dryRun\)$/,
    reason: '`bulkhead scan --fix`: writes the fixed text back to the file it fixed (not under --fix-dry-run)',
  },
  { file: 'server/src/cli/main.ts', call: 'mkdirSync', within: /^function writeOutput$/, reason: '`--output FILE`: makes the folder of the report or baseline file the user named' },
  { file: 'server/src/cli/main.ts', call: 'writeFileSync', within: /^function writeOutput$/, reason: '`--output FILE`: the report or baseline file the user named' },
];

/**
 * Under what a call runs: its enclosing function and `if` branches, outermost first, e.g.
 * `function scanFile(…) > if (options.fix) > else of if (options.dryRun)`.
 */
function conditionsOf(file: ts.SourceFile, node: ts.Node): string {
  const chain: string[] = [];
  let child: ts.Node = node;
  for (let scope = node.parent; !ts.isSourceFile(scope); child = scope, scope = scope.parent) {
    if (ts.isIfStatement(scope)) chain.unshift(`${scope.elseStatement === child ? 'else of ' : ''}if (${scope.expression.getText(file)})`);
    if (ts.isFunctionDeclaration(scope)) chain.unshift(`function ${scope.name?.text ?? '(anonymous)'}`);
  }
  return chain.join(' > ');
}

describe('sources: nothing executed, no network, writes only where asked', () => {
  it('each part imports only the Node.js built-ins allowed to it', () => {
    const problems: string[] = [];
    for (const [path, file] of parsed) {
      const rule = BUILTINS_ALLOWED.find(([prefix]) => path.startsWith(prefix));
      assert.ok(rule, `${path} is not covered by BUILTINS_ALLOWED`);
      walk(file, (node) => {
        if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
          const specifier = node.moduleSpecifier.text;
          if (BUILTINS.has(specifier) && !rule[1].includes(bare(specifier).split('/')[0]!)) problems.push(`${path}:${lineOf(file, node)} imports ${specifier}`);
          if (BUILTINS.has(specifier) && !specifier.startsWith('node:')) problems.push(`${path}:${lineOf(file, node)} imports ${specifier} without the node: prefix`);
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  it('no child_process, network module, fetch, eval, new Function, require or dynamic import anywhere', () => {
    const problems: string[] = [];
    for (const [path, file] of parsed) {
      walk(file, (node) => {
        const at = `${path}:${lineOf(file, node)}`;
        if (ts.isStringLiteral(node) && ts.isImportDeclaration(node.parent) && ['child_process', ...NETWORK, 'net', 'vm', 'cluster', 'inspector'].includes(bare(node.text))) problems.push(`${at} imports ${node.text}`);
        if (ts.isCallExpression(node)) {
          if (node.expression.kind === ts.SyntaxKind.ImportKeyword) problems.push(`${at} dynamic import()`);
          if (ts.isIdentifier(node.expression) && ['fetch', 'eval', 'require'].includes(node.expression.text)) problems.push(`${at} calls ${node.expression.text}()`);
          if (ts.isPropertyAccessExpression(node.expression) && ['globalThis', 'window', 'self'].includes(node.expression.expression.getText(file)) && node.expression.name.text === 'fetch') problems.push(`${at} calls fetch()`);
          if (ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText(file) === 'process' && ['binding', 'dlopen'].includes(node.expression.name.text)) problems.push(`${at} calls process.${node.expression.name.text}()`);
        }
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ['Function', 'XMLHttpRequest', 'WebSocket', 'EventSource'].includes(node.expression.text)) problems.push(`${at} new ${node.expression.text}()`);
      });
    }
    assert.deepEqual(problems, []);
  });

  it('every fs function that can write is imported by name, and called only at the allowed sites', () => {
    const found: { file: string; call: string; within: string }[] = [];
    const problems: string[] = [];
    for (const [path, file] of parsed) {
      const writers = new Set<string>();
      walk(file, (node) => {
        if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier) || !/^(node:)?fs(\/promises)?$/.test(node.moduleSpecifier.text)) return;
        const bindings = node.importClause?.namedBindings;
        if (node.importClause?.name || (bindings && !ts.isNamedImports(bindings))) problems.push(`${path}:${lineOf(file, node)} imports fs as a whole: import the functions by name`);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            const name = (element.propertyName ?? element.name).text;
            if (!FS_READ_ONLY.has(name)) writers.add(element.name.text);
          }
        }
      });
      walk(file, (node) => {
        if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || !writers.has(node.expression.text)) return;
        found.push({ file: path, call: node.expression.text, within: conditionsOf(file, node) });
      });
    }
    assert.deepEqual(problems, []);
    const unexpected = found.filter((site) => !FS_WRITES.some((allowed) => allowed.file === site.file && allowed.call === site.call && allowed.within.test(site.within)));
    assert.deepEqual(unexpected, [], 'a new write: add it to FS_WRITES with its reason, if it is one the user asked for');
    for (const allowed of FS_WRITES) assert.ok(found.some((site) => site.file === allowed.file && site.call === allowed.call), `${allowed.file} no longer calls ${allowed.call}: drop it from FS_WRITES`);
    assert.ok(!found.some((site) => site.file.startsWith('server/src/lsp/') || site.file.startsWith('server/src/node/') || site.file.startsWith('client/src/')), 'the extension and its language server write nothing');
  });

  it('the client starts only the extension\'s own server bundle, as a Node.js module', () => {
    const extension = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(extension, /const serverModule = context\.asAbsolutePath\(path\.join\('dist', 'server\.js'\)\);/);
    assert.match(extension, /run: \{ module: serverModule, transport: TransportKind\.ipc \}/);
    assert.doesNotMatch(extension, /\bcommand\s*:/, 'an executable server option would run a program');
  });
});

/** The bundle's modules (normalised to `<package>/<path>` for dependencies) and the built-ins each imports. */
async function bundledBuiltins(entryPoint: string, external: string[]): Promise<Map<string, Set<string>>> {
  const result = await esbuild.build({
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    write: false,
    metafile: true,
    outfile: join(ROOT, 'dist', 'in-memory.js'),
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  const byModule = new Map<string, Set<string>>();
  for (const [input, { imports }] of Object.entries(result.metafile.inputs)) {
    const module = input.replace(/^(?:.*\/)?node_modules\//, '');
    for (const imported of imports) {
      if (!imported.external || !BUILTINS.has(imported.path)) continue;
      const set = byModule.get(module) ?? new Set<string>();
      set.add(bare(imported.path));
      byModule.set(module, set);
    }
  }
  return byModule;
}

const JSONRPC_NODE = 'the JSON-RPC transports: IPC pipes and sockets (net) on the local machine, random pipe names (crypto)';

/** Per bundled module: the built-ins it may import, and why. */
const BUNDLE_ALLOWED: Readonly<Record<string, Readonly<Record<string, readonly [readonly string[], string]>>>> = {
  'dist/extension.js': {
    'client/src/extension.ts': [['path'], 'locates dist/server.js in the extension'],
    'vscode-languageclient/lib/node/main.js': [['child_process', 'fs', 'path', 'readline'], 'starts the server: forks dist/server.js (the only server option Bulkhead gives it)'],
    'vscode-languageclient/lib/node/processes.js': [['child_process'], 'ends the server process tree on Windows (taskkill)'],
    'vscode-jsonrpc/lib/node/main.js': [['crypto', 'fs', 'net', 'os', 'path'], JSONRPC_NODE],
    'vscode-jsonrpc/lib/node/ril.js': [['crypto', 'util'], 'text encoding and random ids'],
  },
  'dist/server.js': {
    'server/src/node/discover.ts': [['fs', 'path'], 'finds workspace files'],
    'server/src/node/workspace-files.ts': [['fs', 'url'], 'reads workspace files'],
    'vscode-languageserver/lib/node/main.js': [['util'], 'text encoding'],
    'vscode-languageserver/lib/node/files.js': [['child_process', 'fs', 'path', 'url'], 'Files.resolveGlobalNodePath & co. (asks npm for its prefix): never called by Bulkhead, see the next test'],
    'vscode-jsonrpc/lib/node/main.js': [['crypto', 'fs', 'net', 'os', 'path'], JSONRPC_NODE],
    'vscode-jsonrpc/lib/node/ril.js': [['util'], 'text encoding'],
    'yaml/dist/compose/composer.js': [['process'], 'process.emitWarning'],
    'yaml/dist/log.js': [['process'], 'process.emitWarning'],
    'yaml/dist/parse/parser.js': [['process'], 'process.env.LOG_TOKENS'],
    'yaml/dist/schema/yaml-1.1/binary.js': [['buffer'], 'base64 of !!binary'],
  },
};

describe('bundles: built-ins only where allowed, no network client', () => {
  const bundles = {
    'dist/extension.js': () => bundledBuiltins('client/src/extension.ts', ['vscode']),
    'dist/server.js': () => bundledBuiltins('server/src/server.ts', []),
  };

  for (const [bundle, graph] of Object.entries(bundles)) {
    it(`${bundle}: every module's built-in imports are in the allow-list`, async () => {
      const byModule = await graph();
      const allowed = BUNDLE_ALLOWED[bundle]!;
      const problems: string[] = [];
      for (const [module, builtins] of byModule) {
        for (const builtin of builtins) {
          if (NETWORK.includes(builtin)) problems.push(`${module} imports the network module ${builtin}`);
          else if (!allowed[module]?.[0].includes(builtin)) problems.push(`${module} imports ${builtin}`);
        }
      }
      assert.deepEqual(problems, []);
      // A stale entry would allow something nothing needs any more.
      for (const module of Object.keys(allowed)) assert.ok(byModule.has(module), `${module} is no longer bundled into ${bundle}: drop it from the allow-list`);
    });
  }

  it('Bulkhead never calls the parts of vscode-languageserver/node that run programs', () => {
    const problems = [...parsed].filter(([, file]) => /\bFiles\.|resolveGlobalNodePath|resolveGlobalYarnPath|resolveModulePath/.test(file.text)).map(([path]) => path);
    assert.deepEqual(problems, []);
  });

  describe('as built in dist/', () => {
    before(async () => {
      await serverBundle(); // builds dist/ (under the test build lock) when it is missing or stale
    });
    for (const bundle of ['dist/extension.js', 'dist/server.js']) {
      it(`${bundle} requires no network module and calls no global fetch`, () => {
        const text = readFileSync(join(ROOT, bundle), 'utf8');
        // Also catches what esbuild's module graph cannot see: GopherJS's `$global.require("util")` in mvdan-sh.
        const required = new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => bare(match[1]!)).filter((name) => BUILTINS.has(name)));
        assert.deepEqual(NETWORK.filter((name) => required.has(name)), []);
        const allowed = new Set(Object.values(BUNDLE_ALLOWED[bundle]!).flatMap(([builtins]) => builtins));
        assert.deepEqual([...required].filter((name) => !allowed.has(name)), []);
        assert.deepEqual([...text.matchAll(/(?<![\w$.])fetch\(/g)].map((match) => text.slice(Math.max(0, match.index - 60), match.index + 40)), []);
        assert.doesNotMatch(text, /\bnew (XMLHttpRequest|WebSocket)\(/);
      });
    }
  });
});


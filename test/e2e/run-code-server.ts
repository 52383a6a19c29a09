/**
 * Runs the end-to-end suite (test/e2e/suite) inside a real VS Code without downloading VS Code:
 * code-server from the npm registry (VS Code OSS with a Node.js remote extension host), driven by
 * Debian's Chromium through playwright-core. Follows the recipe of the project's E2E notes:
 *
 * 1. installs code-server into a cache directory (reused when `entry.js --version` works);
 * 2. starts it on 127.0.0.1 with a free port, no auth, fresh user data and extensions
 *    directories, on a temporary copy of test/e2e/workspace;
 * 3. opens the workbench in headless Chromium with the `payload` query parameter naming the
 *    repository as `extensionDevelopmentPath` and the bundled suite as `extensionTestsPath`;
 * 4. waits (bounded) for the results file the suite writes, takes the screenshots the suite sets
 *    up (best effort), prints `N passed, N failed` and exits non-zero on any failure or timeout;
 * 5. always stops the browser and the server it started, by their own process handles;
 * 6. does 2–5 again in Restricted Mode (workspace trust on, the folder untrusted), where the
 *    suite runs only restricted-mode.test.ts (BULKHEAD_E2E_PASS=restricted).
 *
 *   node --import tsx test/e2e/run-code-server.ts [--no-screenshots] [--keep] [--install-only]
 *
 * `--install-only` installs (or checks) code-server in the cache and exits.
 *
 * Environment: BULKHEAD_CODE_SERVER_CACHE (default ~/.cache/bulkhead/code-server),
 * BULKHEAD_CHROMIUM (default /usr/bin/chromium), BULKHEAD_E2E_TIMEOUT_S (default 300),
 * BULKHEAD_E2E_SCREENSHOTS (a directory, default docs/images; `off` for none).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { buildE2eSuite } from './build-suite';
import type { E2eResults } from './suite/index';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE_SERVER_VERSION = '4.100.3'; // 4.100.x is the newest line that runs on Node 20
const CACHE = process.env.BULKHEAD_CODE_SERVER_CACHE ?? join(homedir(), '.cache', 'bulkhead', 'code-server');
const CODE_SERVER = join(CACHE, 'node_modules', 'code-server');
/**
 * code-server's own config file, kept in the cache: without `--config` it writes a default one
 * into ~/.config/code-server on its first start and announces that on stdout, which a fresh
 * machine's first `--version` would print before the version line.
 */
const CODE_SERVER_CONFIG = join(CACHE, 'config.yaml');
/** entry.js and the arguments every code-server invocation here starts with. */
const codeServerCommand = (): string[] => [join(CODE_SERVER, 'out', 'node', 'entry.js'), '--config', CODE_SERVER_CONFIG];
const CHROMIUM = process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.BULKHEAD_E2E_TIMEOUT_S ?? 300) * 1000;
const SCREENSHOTS = process.argv.includes('--no-screenshots') || process.env.BULKHEAD_E2E_SCREENSHOTS === 'off'
  ? undefined
  : (process.env.BULKHEAD_E2E_SCREENSHOTS ?? join(ROOT, 'docs', 'images'));
const KEEP = process.argv.includes('--keep');
const INSTALL_ONLY = process.argv.includes('--install-only');
/** What the page must show before each scene's screenshot (best effort: shot anyway after a wait). */
const SCENE_SELECTORS: Record<string, string> = {
  problems: '.markers-panel .monaco-list-row',
  hover: '.monaco-hover .hover-contents',
  'quick-fix': '.action-widget',
  'harden-refactor': '.monaco-editor .view-lines',
};

const log = (message: string) => console.log(`[e2e:code-server] ${message}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// 1. code-server in the cache directory

function run(command: string, args: string[], cwd: string, logFile: string, env: NodeJS.ProcessEnv = process.env): void {
  writeFileSync(logFile, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`, { flag: 'a' });
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-30).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status ?? result.signal}):\n${tail}\nfull log: ${logFile}`);
  }
}

/** `code-server --version`'s first line ("4.100.3 <commit> with Code 1.100.3"), or undefined when it does not run. */
function installedVersion(): string | undefined {
  const entry = join(CODE_SERVER, 'out', 'node', 'entry.js');
  if (!existsSync(entry)) return undefined;
  const result = spawnSync(process.execPath, [...codeServerCommand(), '--version'], { encoding: 'utf8', timeout: 60_000 });
  const line = result.stdout?.split('\n').find((printed) => printed.startsWith(`${CODE_SERVER_VERSION} `));
  return result.status === 0 ? line : undefined;
}

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Our settings for code-server, so that it never generates a config (with a password) of its own. */
function writeCodeServerConfig(): void {
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(CODE_SERVER_CONFIG, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
}

function ensureCodeServer(): string {
  writeCodeServerConfig();
  const existing = installedVersion();
  if (existing) {
    log(`code-server reused from ${CACHE}`);
    return existing;
  }
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is missing: apt-get install -y ripgrep (code-server would download it from GitHub)');
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CACHE} (about 2 minutes; log: ${join(CACHE, 'install.log')})`);
  rmSync(CACHE, { recursive: true, force: true });
  writeCodeServerConfig();
  const logFile = join(CACHE, 'install.log');
  writeFileSync(join(CACHE, 'package.json'), '{ "private": true }\n');
  const npm = 'npm';
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // Scripts are skipped: code-server's postinstall would download ripgrep from GitHub.
  run(npm, ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', ...quiet], CACHE, logFile);
  const vscodeDir = join(CODE_SERVER, 'lib', 'vscode');
  run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], vscodeDir, logFile);
  const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  cpSync(rg, join(rgBin, 'rg'));
  // node-pty's install runs `npx node-gyp`, which refuses to prompt unless npm_config_yes is set.
  run(npm, ['rebuild', '--loglevel=error'], vscodeDir, logFile, { ...process.env, npm_config_yes: 'true' });
  rmSync(join(vscodeDir, 'node_modules.asar'), { recursive: true, force: true });
  spawnSync('ln', ['-sfn', 'node_modules', 'node_modules.asar'], { cwd: vscodeDir });
  run(npm, ['rebuild', 'argon2', '--loglevel=error'], CACHE, logFile);
  const version = installedVersion();
  if (!version) throw new Error(`code-server was installed but \`node out/node/entry.js --version\` does not work; see ${logFile}`);
  return version;
}

// ---------------------------------------------------------------------------------------------
// 2. the server and 3. the browser

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(0);
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value, the process dies, or the time is up. */
async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string, alive: () => boolean = () => true): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (!alive()) throw new Error(`gave up waiting for ${what}: code-server exited`);
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds(timeoutMs)} waiting for ${what}`);
    await delay(250);
  }
}

function stopProcessGroup(child: ChildProcess | undefined, name: string): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      // Whatever it left in its group (extension host, language server) goes too.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
    log(`stopped ${name} (pid ${pid})`);
  });
}

async function screenshot(page: Page, name: string, directory: string): Promise<void> {
  try {
    const selector = SCENE_SELECTORS[name];
    if (selector) await page.waitForSelector(selector, { state: 'visible', timeout: 10_000 }).catch(() => log(`screenshot ${name}: ${selector} did not show; taking it anyway`));
    await page.waitForTimeout(400); // let animations (hover fade-in, list layout) settle
    mkdirSync(directory, { recursive: true });
    await page.screenshot({ path: join(directory, `${name}.png`) });
    log(`screenshot ${join(directory, `${name}.png`)}`);
  } catch (error) {
    log(`screenshot ${name} failed (best effort): ${error instanceof Error ? error.message : String(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * The suite runs twice: in a trusted workspace (everything, with the screenshots), then in
 * Restricted Mode (workspace trust on, the folder never trusted, no startup prompt), where only
 * restricted-mode.test.ts runs: package.json declares that Bulkhead works there in full.
 *
 * VS Code does not apply workspace trust to an extension under development, so the restricted
 * pass installs Bulkhead as users get it, from the .vsix that `vsce package --no-dependencies`
 * makes of this checkout, and loads only an empty stub as the development extension (the test
 * runner needs one). That pass thus also checks that the packaged files are all the extension needs.
 */
interface Pass {
  readonly name: 'trusted' | 'restricted';
  readonly screenshots: boolean;
  /** Install Bulkhead from its .vsix instead of loading the checkout as the extension under development. */
  readonly installed: boolean;
}

const PASSES: readonly Pass[] = [
  { name: 'trusted', screenshots: SCREENSHOTS !== undefined, installed: false },
  { name: 'restricted', screenshots: false, installed: true },
];

/** Packages the checkout (as `npm run package` does, without its production build) and installs it into `extensionsDir`; returns the stub development extension. */
async function installPackaged(temp: string, userDataDir: string, extensionsDir: string): Promise<string> {
  const vsix = join(temp, 'bulkhead.vsix');
  await createVSIX({ cwd: ROOT, packagePath: vsix, dependencies: false });
  run(process.execPath, [...codeServerCommand(), '--install-extension', vsix, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir], temp, join(temp, 'install.log'));
  const stub = join(temp, 'runner-extension');
  mkdirSync(stub, { recursive: true });
  const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: unknown }).engines;
  writeFileSync(join(stub, 'package.json'), JSON.stringify({ name: 'bulkhead-e2e-runner', publisher: 'bulkhead-tests', version: '0.0.0', engines }, null, 2));
  return stub;
}

interface PassOutcome {
  readonly results?: E2eResults;
  readonly error?: string;
}

async function main(): Promise<number> {
  const started = Date.now();
  if (INSTALL_ONLY) {
    log(`code-server ${ensureCodeServer()} ready in ${CACHE} (${seconds(Date.now() - started)})`);
    return 0;
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set BULKHEAD_CHROMIUM)`);
  if (!existsSync(join(ROOT, 'dist', 'extension.js')) || !existsSync(join(ROOT, 'dist', 'server.js'))) {
    throw new Error('dist/ is not built: run `node scripts/build.mjs` first (npm run test:e2e does)');
  }
  const installStart = Date.now();
  const version = ensureCodeServer();
  const installMs = Date.now() - installStart;
  log(`code-server ${version} (${seconds(installMs)} to install or check)`);
  const suiteIndex = await buildE2eSuite();

  let passed = 0;
  let failed = 0;
  for (const pass of PASSES) {
    const outcome = await runPass(pass, version, suiteIndex);
    if (outcome.results) {
      for (const test of outcome.results.tests) console.log(`  ${test.state === 'passed' ? '✔' : '✘'} [${pass.name}] ${test.title} (${test.durationMs} ms)`);
      for (const failure of outcome.results.failures) console.log(`\nFAILED [${pass.name}]: ${failure.title}\n${failure.error}\n`);
      passed += outcome.results.passed;
      failed += outcome.results.failed;
      if (outcome.results.passed === 0) failed++; // a pass that ran nothing is a failure
    } else {
      console.error(`[e2e:code-server] ${pass.name} pass: ${outcome.error}`);
      failed++;
    }
  }
  log(`total ${seconds(Date.now() - started)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

async function runPass(pass: Pass, version: string, suiteIndex: string): Promise<PassOutcome> {
  const started = Date.now();
  const restricted = pass.name === 'restricted';
  const temp = mkdtempSync(join(tmpdir(), `bulkhead-e2e-${pass.name}-`));
  const workspace = join(temp, 'workspace');
  cpSync(join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const resultsFile = join(temp, 'results.json');
  const scenes = join(temp, 'scenes');
  mkdirSync(join(temp, 'user', 'User'), { recursive: true });
  writeFileSync(
    join(temp, 'user', 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      // Restricted Mode: trust on, and the folder opens untrusted without asking.
      'security.workspace.trust.enabled': restricted,
      ...(restricted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
      'update.mode': 'none',
      'window.zoomLevel': 0,
    }, null, 2),
  );

  const userDataDir = join(temp, 'user');
  const extensionsDir = join(temp, 'ext');
  let server: ChildProcess | undefined;
  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  let outcome: PassOutcome = { error: 'did not run' };
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    if (browserServer) {
      const pid = browserServer.process().pid;
      await Promise.race([browserServer.close(), delay(5000)]).catch(() => undefined);
      await browserServer.kill().catch(() => undefined);
      log(`stopped Chromium (pid ${pid})`);
      browserServer = undefined;
    }
    await stopProcessGroup(server, 'code-server');
    server = undefined;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping what this run started`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const developmentPath = pass.installed ? await installPackaged(temp, userDataDir, extensionsDir) : ROOT;
    if (pass.installed) log(`[${pass.name}] installed Bulkhead from its .vsix into ${extensionsDir}`);
    const port = await freePort();
    const serverLog = join(temp, 'code-server.log');
    const serverStart = Date.now();
    server = spawn(
      process.execPath,
      [
        ...codeServerCommand(),
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry', '--disable-update-check',
        ...(restricted ? [] : ['--disable-workspace-trust']),
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        workspace,
      ],
      {
        cwd: temp,
        detached: true, // its own process group, so the extension host and the language server stop with it
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          BULKHEAD_E2E_RESULTS: resultsFile,
          BULKHEAD_E2E_PASS: pass.name,
          ...(pass.screenshots ? { BULKHEAD_E2E_SCENES: scenes } : {}),
        },
      },
    );
    const serverOut = createWriteStream(serverLog);
    server.stdout?.pipe(serverOut);
    server.stderr?.pipe(serverOut);
    const serverAlive = () => server !== undefined && server.exitCode === null && server.signalCode === null;
    await until(async () => ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200 ? true : undefined), 60_000, 'code-server to listen', serverAlive);
    log(`[${pass.name}] code-server listening on 127.0.0.1:${port} after ${seconds(Date.now() - serverStart)} (pid ${server.pid})`);

    browserServer = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    browser = await chromium.connect(browserServer.wsEndpoint());
    log(`[${pass.name}] Chromium ${browser.version()} (pid ${browserServer.process().pid})`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const consoleLog = createWriteStream(join(temp, 'browser-console.log'));
    page.on('console', (message) => {
      consoleLog.write(`[${message.type()}] ${message.text()}\n`);
    });
    page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.message}\n`));

    const authority = `127.0.0.1:${port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${authority}${developmentPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${suiteIndex}`],
    ]);
    const suiteStart = Date.now();
    await page.goto(`http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);

    // Wait for the results, taking each screenshot the suite asks for meanwhile.
    const shot = new Set<string>();
    const serviceScenes = async () => {
      if (!pass.screenshots || !SCREENSHOTS || !existsSync(scenes)) return;
      for (const file of readdirSync(scenes).filter((name) => name.endsWith('.ready')).sort()) {
        const base = file.slice(0, -'.ready'.length);
        if (shot.has(base)) continue;
        shot.add(base);
        await screenshot(page, base.replace(/^\d+-/, ''), SCREENSHOTS);
        writeFileSync(join(scenes, `${base}.done`), '');
      }
    };
    const results = await until<E2eResults>(async () => {
      await serviceScenes();
      return existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as E2eResults) : undefined;
    }, TIMEOUT_MS, `the suite's results (${resultsFile})`, serverAlive);
    const suiteMs = Date.now() - suiteStart;
    if (pass.screenshots) {
      await until(async () => {
        await serviceScenes();
        return existsSync(join(scenes, 'finished')) ? true : undefined;
      }, 90_000, 'the screenshot scenes', serverAlive).catch((error: Error) => log(`screenshots incomplete (best effort): ${error.message}`));
    }
    log(`[${pass.name}] VS Code ${results.vscodeVersion} (${results.appHost}, code-server ${version.split(' ')[0]}); suite ${seconds(results.durationMs)} inside VS Code, ${seconds(suiteMs)} from page load to results; pass ${seconds(Date.now() - started)}`);
    outcome = { results };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const ok = outcome.results !== undefined && outcome.results.failed === 0 && outcome.results.passed > 0;
    if (ok && !KEEP) rmSync(temp, { recursive: true, force: true });
    else log(`[${pass.name}] logs kept in ${temp} (code-server.log, browser-console.log, workspace/)`);
  }
  return outcome;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

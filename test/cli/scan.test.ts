/**
 * `bulkhead scan`: exit codes for every --fail-on, the JSON contract (keys, 1-based positions,
 * sorting, relative paths), the text format, --rule, --output, and usage errors.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt, makeTree, NON_ROOT_DOCKERFILE, onlyRules, PACKAGE_VERSION, PRIVILEGED_DEPLOYMENT, ROOT_DOCKERFILE, runCli, scanJson, type JsonFinding } from './support';

const USER_ROOT = 'dockerfile/user-root';
const PRIVILEGED = 'k8s/privileged-container';

before(ensureBuilt);

describe('scan exit codes', () => {
  const only = () => onlyRules(USER_ROOT, PRIVILEGED);
  // user-root: a warning in the Dockerfile; privileged-container: an error in the manifest.
  const mixed = () => makeTree({ 'Dockerfile': ROOT_DOCKERFILE, 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT });
  const exit = (cwd: string, ...args: string[]) => runCli(['scan', ...only(), ...args], cwd).status;

  it('exits 1 when a finding is at or above --fail-on (default error)', () => {
    const cwd = mixed();
    assert.equal(exit(cwd), 1);
    assert.equal(exit(cwd, '--fail-on', 'error'), 1);
    assert.equal(exit(cwd, '--fail-on', 'warning'), 1);
    assert.equal(exit(cwd, '--fail-on', 'info'), 1);
  });

  it('exits 0 with --fail-on none whatever it finds', () => {
    assert.equal(exit(mixed(), '--fail-on', 'none'), 0);
  });

  it('compares severities, not just presence: warnings pass --fail-on error', () => {
    const cwd = mixed();
    assert.equal(exit(cwd, '--rule', `${PRIVILEGED}=off`), 0);
    assert.equal(exit(cwd, '--rule', `${PRIVILEGED}=off`, '--fail-on', 'warning'), 1);
    assert.equal(exit(cwd, '--rule', `${PRIVILEGED}=off`, '--rule', `${USER_ROOT}=info`, '--fail-on', 'warning'), 0);
    assert.equal(exit(cwd, '--rule', `${PRIVILEGED}=off`, '--rule', `${USER_ROOT}=info`, '--fail-on', 'info'), 1);
    assert.equal(exit(cwd, '--rule', `${USER_ROOT}=error`, '--rule', `${PRIVILEGED}=off`), 1, '--rule raises severities too');
  });

  it('exits 0 on a clean tree even with --fail-on info', () => {
    const cwd = makeTree({ 'Dockerfile': NON_ROOT_DOCKERFILE, 'README.md': '# not analysed\n' });
    assert.equal(exit(cwd, '--fail-on', 'info'), 0);
  });

  it('exits 0 on a folder with nothing to analyse', () => {
    const cwd = makeTree({ 'notes.txt': 'hello\n' });
    const result = runCli(['scan'], cwd);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^0 findings in 0 files/m);
  });
});

describe('scan --format json', () => {
  it('follows the version 1 contract exactly', () => {
    const cwd = makeTree({ 'Dockerfile': ROOT_DOCKERFILE, 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT });
    const { report, status } = scanJson([], cwd);
    assert.equal(status, 1);
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'findings', 'errors']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.tool, { name: 'bulkhead', version: PACKAGE_VERSION });
    assert.deepEqual(report.errors, []);
    for (const finding of report.findings) {
      assert.deepEqual(Object.keys(finding), ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
      assert.ok(['error', 'warning', 'info'].includes(finding.severity));
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(finding[key]) && finding[key] >= 1, `${key} is 1-based`);
      assert.equal(typeof finding.fixable, 'boolean');
      assert.ok(finding.message.length > 0);
    }
  });

  it('reports 1-based lines and columns with an exclusive end column', () => {
    const cwd = makeTree({ 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT, 'Dockerfile': ROOT_DOCKERFILE });
    const { report } = scanJson([], cwd);
    const privileged = report.findings.filter((finding) => finding.ruleId === PRIVILEGED);
    assert.deepEqual(
      privileged.map(({ message: _message, ...rest }) => rest),
      [{ ruleId: PRIVILEGED, severity: 'error', file: 'deploy/api.yaml', line: 20, column: 13, endLine: 20, endColumn: 29, fixable: true }],
    );
    // The range is exactly `privileged: true` on that line.
    const line = PRIVILEGED_DEPLOYMENT.split('\n')[19]!;
    assert.equal(line.slice(privileged[0]!.column - 1, privileged[0]!.endColumn - 1), 'privileged: true');
    const userRoot = report.findings.filter((finding) => finding.ruleId === USER_ROOT);
    assert.equal(userRoot.length, 1);
    assert.equal(userRoot[0]!.file, 'Dockerfile');
    assert.equal(userRoot[0]!.line, 1);
    assert.equal(userRoot[0]!.column, 1);
    assert.equal(userRoot[0]!.fixable, false, 'a suggestion is not applied by --fix');
  });

  it('sorts findings by file, line, column and rule id, with paths relative to the current folder', () => {
    const cwd = makeTree({
      'zeta/Dockerfile': ROOT_DOCKERFILE,
      'alpha/beta/Dockerfile.prod': ROOT_DOCKERFILE,
      'alpha/deploy.yaml': `${PRIVILEGED_DEPLOYMENT}---\n${PRIVILEGED_DEPLOYMENT.replace('name: api', 'name: api2')}`,
      'Dockerfile': ROOT_DOCKERFILE,
      'api.Dockerfile': ROOT_DOCKERFILE,
    });
    const { report } = scanJson([], cwd);
    const sorted = [...report.findings].sort(
      (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId),
    );
    assert.deepEqual(report.findings, sorted);
    const files = [...new Set(report.findings.filter((finding) => finding.ruleId === USER_ROOT || finding.ruleId === PRIVILEGED).map((finding) => finding.file))];
    assert.deepEqual(files, ['Dockerfile', 'alpha/beta/Dockerfile.prod', 'alpha/deploy.yaml', 'api.Dockerfile', 'zeta/Dockerfile']);
    assert.deepEqual(
      report.findings.filter((finding) => finding.ruleId === PRIVILEGED).map((finding) => `${finding.file}:${finding.line}`),
      ['alpha/deploy.yaml:20', `alpha/deploy.yaml:${20 + PRIVILEGED_DEPLOYMENT.split('\n').length}`],
    );
  });

  it('makes paths relative to the current folder, not to the scanned one', () => {
    const root = makeTree({ 'app/Dockerfile': ROOT_DOCKERFILE, 'ops/deploy.yaml': PRIVILEGED_DEPLOYMENT });
    assert.deepEqual(filesOf(scanJson(['app'], root).report.findings), ['app/Dockerfile']);
    assert.deepEqual(filesOf(scanJson(['../ops', '../app/Dockerfile'], join(root, 'app')).report.findings), ['../ops/deploy.yaml', 'Dockerfile']);
    assert.deepEqual(filesOf(scanJson(['./app/', 'app/Dockerfile'], root).report.findings), ['app/Dockerfile'], 'a file reached twice is reported once');
  });

  it('writes the report to --output instead of standard output', () => {
    const cwd = makeTree({ 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT });
    const result = runCli(['scan', '--format', 'json', '--output', 'report.json'], cwd);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8'));
    assert.equal(report.findings.filter((finding: JsonFinding) => finding.ruleId === PRIVILEGED).length, 1);
  });
});

describe('scan text output', () => {
  it('prints path:line:col severity rule-id message lines and a summary', () => {
    const cwd = makeTree({ 'Dockerfile': ROOT_DOCKERFILE, 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT });
    const result = runCli(['scan', ...onlyRules(USER_ROOT, PRIVILEGED)], cwd);
    assert.equal(result.status, 1);
    assert.ok(!result.stdout.includes('\u001b['), 'no colours when stdout is not a terminal');
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^Dockerfile:1:1 warning dockerfile\/user-root \S.*$/);
    assert.match(lines[1]!, /^deploy\/api\.yaml:20:13 error k8s\/privileged-container Container `api` in Deployment `api` runs privileged/);
    assert.equal(lines[2], '2 findings (1 error, 1 warning) in 2 files; 1 fixable with --fix');
    assert.equal(lines.length, 3);
    assert.equal(result.stderr, '');
  });

  it('keeps every finding line in the documented shape', () => {
    const cwd = makeTree({ 'a/Dockerfile': ROOT_DOCKERFILE, 'b/deploy.yaml': PRIVILEGED_DEPLOYMENT, 'c/Containerfile': 'FROM ubuntu\nUSER root\n' });
    const result = runCli(['scan', '--no-color', '--fail-on', 'none'], cwd);
    assert.equal(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^\d+ findings? \(.+\) in 3 files/);
    assert.ok(lines.length >= 3);
    for (const line of lines) assert.match(line, /^[a-z]\/[A-Za-z.]+:\d+:\d+ (error|warning|info) [a-z0-9]+\/[a-z0-9-]+ \S/);
  });

  it('hides a rule turned off with --rule <id>=off', () => {
    const cwd = makeTree({ 'Dockerfile': ROOT_DOCKERFILE, 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT });
    const on = scanJson([], cwd).report.findings.map((finding) => finding.ruleId);
    const off = scanJson(['--rule', `${USER_ROOT}=off`], cwd).report.findings.map((finding) => finding.ruleId);
    assert.ok(on.includes(USER_ROOT));
    assert.ok(!off.includes(USER_ROOT));
    assert.ok(off.includes(PRIVILEGED), 'other rules still run');
  });
});

describe('usage errors exit 2 with a message', () => {
  const cwd = () => makeTree({ 'Dockerfile': ROOT_DOCKERFILE });
  const usage = (args: string[], pattern: RegExp) => {
    const result = runCli(args, cwd());
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, pattern);
    assert.equal(result.stdout, '');
  };

  it('rejects an unknown option', () => usage(['scan', '--bogus'], /unknown option '--bogus'[\s\S]*bulkhead scan --help/i));
  it('rejects an unknown command', () => usage(['lint'], /unknown command 'lint'/));
  it('rejects an unknown rule in --rule', () => usage(['scan', '--rule', 'dockerfile/no-such-rule=off'], /unknown rule 'dockerfile\/no-such-rule'/));
  it('rejects a bad severity in --rule', () => usage(['scan', '--rule', `${USER_ROOT}=loud`], /severity must be off, info, warning or error/));
  it('rejects --rule without =', () => usage(['scan', '--rule', USER_ROOT], /--rule expects <rule-id>=<severity>/));
  it('rejects a bad --format', () => usage(['scan', '--format', 'xml'], /--format must be text, json or sarif, not 'xml'/));
  it('rejects a bad --fail-on', () => usage(['scan', '--fail-on', 'critical'], /--fail-on must be error, warning, info or none/));
  it('rejects an option without its value', () => usage(['scan', '--format'], /argument missing/));
  it('rejects a path that does not exist', () => usage(['scan', 'no/such/folder'], /no such file or folder: no\/such\/folder/));
  it('prints help without a command', () => usage([], /Usage: bulkhead <command>/));

  it('prints help and the version with exit 0', () => {
    const help = runCli(['--help'], cwd());
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: bulkhead <command>[\s\S]*scan[\s\S]*rules[\s\S]*explain/);
    const scanHelp = runCli(['scan', '--help'], cwd());
    assert.equal(scanHelp.status, 0);
    for (const option of ['--format', '--fail-on', '--rule', '--exclude', '--output', '--fix', '--fix-dry-run', '--baseline', '--no-color']) assert.ok(scanHelp.stdout.includes(option), option);
    const version = runCli(['--version'], cwd());
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `${PACKAGE_VERSION}\n`);
  });
});

function filesOf(findings: readonly JsonFinding[]): string[] {
  return [...new Set(findings.filter((finding) => finding.ruleId === USER_ROOT || finding.ruleId === PRIVILEGED).map((finding) => finding.file))];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `bulkhead scan --format sarif`: valid against the official SARIF 2.1.0 schema; one run whose
 * driver describes every rule; results with exact regions relative to %SRCROOT%; fixes that
 * reproduce `--fix`; fingerprints that survive unrelated edits; unreadable input as
 * notifications.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { applyReplacements, sarifSchemaErrors, type SarifLog, type SarifResult } from './sarif-support';
import { ensureBuilt, makeTree, onlyRules, PACKAGE_VERSION, PRIVILEGED_DEPLOYMENT, ROOT, ROOT_DOCKERFILE, runCli, scanJson } from './support';

const PRIVILEGED = 'k8s/privileged-container';
const ADD = 'dockerfile/add-instead-of-copy';
const USER_ROOT = 'dockerfile/user-root';
const FINGERPRINT_KEY = 'bulkheadFindingHash/v1';

const ADD_DOCKERFILE = 'FROM alpine:3.20\nADD app.py /app/\nADD config.yaml /etc/app/\nUSER 10001\n';
const TWO_DEPLOYMENTS = `${PRIVILEGED_DEPLOYMENT}---\n${PRIVILEGED_DEPLOYMENT.replace('name: api\n', 'name: worker\n')}`;

before(ensureBuilt);

function scanSarif(cwd: string, ...args: string[]): { status: number | null; log: SarifLog; stderr: string } {
  const result = runCli(['scan', '--format', 'sarif', ...args], cwd);
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return { status: result.status, log: JSON.parse(result.stdout) as SarifLog, stderr: result.stderr };
}

function assertValid(log: SarifLog): void {
  assert.equal(sarifSchemaErrors(log), '', 'the log is valid against the SARIF 2.1.0 schema');
}

describe('scan --format sarif', () => {
  it('is valid SARIF 2.1.0 for the examples (findings of every kind, fixes)', () => {
    const cwd = makeTree({});
    cpSync(join(ROOT, 'examples'), cwd, { recursive: true });
    const { log, status } = scanSarif(cwd);
    assert.equal(status, 1);
    assertValid(log);
    assert.ok(log.runs[0]!.results.length > 20);
    assert.ok(log.runs[0]!.results.some((result) => result.fixes !== undefined));
  });

  it('rejects what is not SARIF (the validation is real)', () => {
    const { log } = scanSarif(makeTree({ 'api.yaml': PRIVILEGED_DEPLOYMENT }));
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!.level = 'severe';
    assert.notEqual(sarifSchemaErrors(broken), '');
    const noMessage = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete noMessage.runs[0]!.results[0]!.message;
    assert.notEqual(sarifSchemaErrors(noMessage), '');
  });

  it('has one run whose driver describes every rule from its metadata', () => {
    const cwd = makeTree({ 'Dockerfile': ROOT_DOCKERFILE });
    const { log } = scanSarif(cwd);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'bulkhead');
    assert.equal(driver.version, PACKAGE_VERSION);
    assert.match(driver.informationUri, /^https:\/\//);

    const catalog = JSON.parse(runCli(['rules', '--format', 'json'], cwd).stdout) as { id: string; target: string; severity: string; title: string; docs: string }[];
    assert.deepEqual(driver.rules.map((rule) => rule.id).sort(), catalog.map((rule) => rule.id).sort());
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };
    for (const meta of catalog) {
      const rule = driver.rules.find((candidate) => candidate.id === meta.id)!;
      assert.equal(rule.shortDescription.text, meta.title);
      assert.equal(rule.helpUri, meta.docs);
      assert.equal(rule.defaultConfiguration.level, levels[meta.severity]);
      assert.ok(rule.properties.tags.includes('security') && rule.properties.tags.includes(meta.target), `${meta.id} tags`);
      assert.ok(rule.fullDescription.text.length > 0 && rule.help.text.length > 0 && rule.help.markdown.includes(meta.id));
    }
    assert.deepEqual(log.runs[0]!.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
    assert.deepEqual(log.runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } });
  });

  it('locates a finding exactly: rule, index, level, %SRCROOT%-relative path, 1-based region', () => {
    const cwd = makeTree({ 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT, 'Dockerfile': ROOT_DOCKERFILE });
    const { log } = scanSarif(cwd, ...onlyRules(PRIVILEGED, USER_ROOT));
    assertValid(log);
    const run = log.runs[0]!;
    const privileged = run.results.filter((result) => result.ruleId === PRIVILEGED);
    assert.equal(privileged.length, 1);
    const result = privileged[0]!;
    assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, PRIVILEGED);
    assert.equal(result.level, 'error');
    assert.ok(result.message.text.length > 0);
    assert.deepEqual(result.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'deploy/api.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 20, startColumn: 13, endLine: 20, endColumn: 29 },
        },
      },
    ]);
    // The same finding as the JSON report, and user-root (a suggestion, not a safe fix) as a warning without fixes.
    const json = scanJson(onlyRules(PRIVILEGED, USER_ROOT), cwd).report.findings;
    assert.deepEqual(
      run.results.map((entry) => [entry.ruleId, entry.locations[0]!.physicalLocation.artifactLocation.uri, entry.locations[0]!.physicalLocation.region.startLine]),
      json.map((finding) => [finding.ruleId, finding.file, finding.line]),
    );
    const userRoot = run.results.find((entry) => entry.ruleId === USER_ROOT)!;
    assert.equal(userRoot.level, 'warning');
    assert.equal(userRoot.fixes, undefined);
  });

  it('carries the safe fixes; applying them gives what --fix writes', () => {
    const files = { 'deploy/api.yaml': TWO_DEPLOYMENTS, 'Dockerfile': ADD_DOCKERFILE, 'crlf/api.yaml': PRIVILEGED_DEPLOYMENT.replaceAll('\n', '\r\n') };
    const only = onlyRules(PRIVILEGED, ADD);
    const cwd = makeTree(files);
    const { log } = scanSarif(cwd, ...only);
    assertValid(log);
    const results = log.runs[0]!.results;
    assert.equal(results.length, 5);
    for (const result of results) {
      assert.equal(result.fixes?.length, 1, `${result.ruleId} has its fix`);
      assert.ok(result.fixes![0]!.description.text.length > 0);
    }

    const fixedCwd = makeTree(files);
    assert.equal(runCli(['scan', '--fix', ...only], fixedCwd).status, 0);
    for (const file of Object.keys(files)) {
      const replacements = results
        .flatMap((result) => result.fixes!.flatMap((fix) => fix.artifactChanges))
        .filter((change) => change.artifactLocation.uri === file)
        .flatMap((change) => change.replacements);
      assert.ok(replacements.length > 0);
      assert.equal(applyReplacements(readFileSync(join(cwd, file), 'utf8'), replacements), readFileSync(join(fixedCwd, file), 'utf8'), file);
    }
  });

  it('keeps fingerprints when unrelated lines are inserted above, and tells identical lines apart', () => {
    const cwd = makeTree({ 'deploy/api.yaml': TWO_DEPLOYMENTS, 'Dockerfile': ROOT_DOCKERFILE });
    const only = onlyRules(PRIVILEGED, USER_ROOT);
    const before = scanSarif(cwd, ...only).log.runs[0]!.results;
    assert.equal(before.length, 3);
    const prints = (results: SarifResult[]) => results.map((result) => [result.ruleId, result.partialFingerprints[FINGERPRINT_KEY]]);
    assert.equal(new Set(before.map((result) => result.partialFingerprints[FINGERPRINT_KEY])).size, 3, 'the two identical privileged lines differ');
    for (const result of before) assert.match(result.partialFingerprints[FINGERPRINT_KEY]!, /^[0-9a-f]{32}:\d+$/);

    writeFileSync(join(cwd, 'deploy/api.yaml'), `# Owned by the platform team.\n# Reviewed 2024-05-01.\n${TWO_DEPLOYMENTS.replace('  replicas: 2\n', '  replicas: 2\n  revisionHistoryLimit: 3\n')}`);
    writeFileSync(join(cwd, 'Dockerfile'), `# syntax=docker/dockerfile:1\n${ROOT_DOCKERFILE}`);
    const after = scanSarif(cwd, ...only).log.runs[0]!.results;
    assert.deepEqual(
      after.map((result) => result.locations[0]!.physicalLocation.region.startLine),
      before.map((result) => result.locations[0]!.physicalLocation.region.startLine + (result.ruleId === PRIVILEGED ? 3 : 1)),
      'the findings moved',
    );
    assert.deepEqual(prints(after), prints(before));
  });

  it('changes the fingerprint when the finding\'s own line changes', () => {
    const cwd = makeTree({ 'api.yaml': PRIVILEGED_DEPLOYMENT });
    const first = scanSarif(cwd, ...onlyRules(PRIVILEGED)).log.runs[0]!.results[0]!;
    writeFileSync(join(cwd, 'api.yaml'), PRIVILEGED_DEPLOYMENT.replace('privileged: true', 'privileged: True'));
    const second = scanSarif(cwd, ...onlyRules(PRIVILEGED)).log.runs[0]!.results[0]!;
    assert.equal(second.ruleId, PRIVILEGED);
    assert.notEqual(second.partialFingerprints[FINGERPRINT_KEY], first.partialFingerprints[FINGERPRINT_KEY]);
  });

  it('reports files that could not be analysed as tool execution notifications', () => {
    const cwd = makeTree({ 'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: [oops\n', 'api.yaml': PRIVILEGED_DEPLOYMENT });
    const { log, stderr } = scanSarif(cwd, ...onlyRules(PRIVILEGED));
    assertValid(log);
    const [invocation] = log.runs[0]!.invocations;
    assert.equal(invocation!.executionSuccessful, true);
    assert.equal(invocation!.toolExecutionNotifications.length, 1);
    const note = invocation!.toolExecutionNotifications[0]!;
    assert.equal(note.level, 'warning');
    assert.match(note.message.text, /YAML syntax error/);
    assert.equal(note.locations[0]!.physicalLocation.artifactLocation.uri, 'broken.yaml');
    assert.ok(note.locations[0]!.physicalLocation.region!.startLine! >= 1);
    assert.match(stderr, /broken\.yaml:\d+:\d+: YAML syntax error/, 'and on stderr, as with the other formats');
    assert.equal(log.runs[0]!.results.length, 1);
  });

  it('is the same with worker threads (--jobs 2): fixes and fingerprints cross threads', () => {
    const cwd = makeTree({ 'deploy/api.yaml': TWO_DEPLOYMENTS, 'Dockerfile': ADD_DOCKERFILE, 'web/Dockerfile': ROOT_DOCKERFILE });
    const serial = runCli(['scan', '--format', 'sarif', '--jobs', '1'], cwd);
    const parallel = runCli(['scan', '--format', 'sarif', '--jobs', '2'], cwd);
    assert.equal(parallel.status, serial.status);
    assert.equal(parallel.stdout, serial.stdout);
    assert.ok((JSON.parse(parallel.stdout) as SarifLog).runs[0]!.results.some((result) => result.fixes !== undefined));
  });

  it('percent-encodes paths and writes to --output', () => {
    const cwd = makeTree({ 'my deploy/api #1.yaml': PRIVILEGED_DEPLOYMENT });
    const result = runCli(['scan', '--format', 'sarif', '--output', 'out.sarif', ...onlyRules(PRIVILEGED)], cwd);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout, '');
    const log = JSON.parse(readFileSync(join(cwd, 'out.sarif'), 'utf8')) as SarifLog;
    assertValid(log);
    assert.equal(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'my%20deploy/api%20%231.yaml');
  });
});

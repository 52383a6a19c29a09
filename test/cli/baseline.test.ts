/**
 * `bulkhead baseline` and `scan --baseline FILE`: the round trip hides exactly the recorded
 * findings, new ones still fail the build, moved lines stay baselined, and paths work from
 * another folder.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { sarifSchemaErrors, type SarifLog } from './sarif-support';
import { ensureBuilt, makeTree, onlyRules, PRIVILEGED_DEPLOYMENT, ROOT_DOCKERFILE, runCli, scanJson } from './support';

const PRIVILEGED = 'k8s/privileged-container';
const USER_ROOT = 'dockerfile/user-root';

interface Baseline {
  version: number;
  tool: { name: string; version: string };
  findings: { ruleId: string; file: string; fingerprint: string }[];
}

before(ensureBuilt);

const only = () => onlyRules(PRIVILEGED, USER_ROOT);
const tree = () => makeTree({ 'deploy/api.yaml': PRIVILEGED_DEPLOYMENT, 'Dockerfile': ROOT_DOCKERFILE });

describe('bulkhead baseline', () => {
  it('writes the fingerprints of the current findings to .bulkhead-baseline.json', () => {
    const cwd = tree();
    const result = runCli(['baseline', ...only()], cwd);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Wrote 2 findings in 2 files to \.bulkhead-baseline\.json/);
    const baseline = JSON.parse(readFileSync(join(cwd, '.bulkhead-baseline.json'), 'utf8')) as Baseline;
    assert.equal(baseline.version, 1);
    assert.equal(baseline.tool.name, 'bulkhead');
    assert.deepEqual(baseline.findings.map(({ ruleId, file }) => [ruleId, file]), [
      [USER_ROOT, 'Dockerfile'],
      [PRIVILEGED, 'deploy/api.yaml'],
    ]);
    for (const entry of baseline.findings) assert.match(entry.fingerprint, /^[0-9a-f]{32}:1$/);

    // The same fingerprints as SARIF's, for the same folder.
    const sarif = JSON.parse(runCli(['scan', '--format', 'sarif', ...only()], cwd).stdout) as SarifLog;
    assert.deepEqual(
      sarif.runs[0]!.results.map((result) => result.partialFingerprints['bulkheadFindingHash/v1']).sort(),
      baseline.findings.map((entry) => entry.fingerprint).sort(),
    );
  });

  it('round trip: scan --baseline reports nothing, says how many it hid, exits 0', () => {
    const cwd = tree();
    assert.equal(runCli(['scan', ...only()], cwd).status, 1);
    assert.equal(runCli(['baseline', ...only()], cwd).status, 0);
    const result = runCli(['scan', '--baseline', '.bulkhead-baseline.json', ...only()], cwd);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '0 findings in 2 files; 2 findings in the baseline not shown\n');

    const json = scanJson(['--baseline', '.bulkhead-baseline.json', ...only()], cwd);
    assert.deepEqual(json.report.findings, []);
    assert.match(json.stderr, /2 findings in the baseline not reported/);
  });

  it('reports only new findings; moved ones stay baselined', () => {
    const cwd = tree();
    assert.equal(runCli(['baseline', ...only()], cwd).status, 0);
    // Lines above the old finding, and a second privileged container below it.
    const second = PRIVILEGED_DEPLOYMENT.replace('name: api\n', 'name: worker\n');
    writeFileSync(join(cwd, 'deploy/api.yaml'), `# Reviewed.\n${PRIVILEGED_DEPLOYMENT}---\n${second}`);
    const result = scanJson(['--baseline', '.bulkhead-baseline.json', ...only()], cwd);
    assert.equal(result.status, 1, 'the new finding fails the build');
    assert.deepEqual(result.report.findings.map((finding) => [finding.ruleId, finding.file, finding.line]), [
      [PRIVILEGED, 'deploy/api.yaml', 21 + PRIVILEGED_DEPLOYMENT.split('\n').length],
    ]);
    const text = runCli(['scan', '--baseline', '.bulkhead-baseline.json', ...only()], cwd);
    assert.match(text.stdout, /^1 finding \(1 error\) in 2 files; 1 fixable with --fix; 2 findings in the baseline not shown$/m);
  });

  it('a fixed and reintroduced problem elsewhere is new', () => {
    const cwd = tree();
    assert.equal(runCli(['baseline', ...only()], cwd).status, 0);
    writeFileSync(join(cwd, 'deploy/other.yaml'), PRIVILEGED_DEPLOYMENT);
    const result = scanJson(['--baseline', '.bulkhead-baseline.json', ...only()], cwd);
    assert.deepEqual(result.report.findings.map((finding) => finding.file), ['deploy/other.yaml']);
  });

  it('--output elsewhere; paths are relative to the baseline, so a subfolder scan still matches', () => {
    const cwd = tree();
    const written = runCli(['baseline', '--output', 'ci/baseline.json', 'deploy', 'Dockerfile', ...only()], cwd);
    assert.equal(written.status, 0, written.stderr);
    const baseline = JSON.parse(readFileSync(join(cwd, 'ci/baseline.json'), 'utf8')) as Baseline;
    assert.deepEqual(baseline.findings.map((entry) => entry.file), ['../Dockerfile', '../deploy/api.yaml']);

    const fromSubfolder = runCli(['scan', '--baseline', '../ci/baseline.json', '--format', 'json', ...only()], join(cwd, 'deploy'));
    assert.equal(fromSubfolder.status, 0, fromSubfolder.stderr);
    assert.deepEqual(JSON.parse(fromSubfolder.stdout).findings, []);
  });

  it('SARIF with a baseline: only new results, marked new, still valid', () => {
    const cwd = tree();
    assert.equal(runCli(['baseline', ...only()], cwd).status, 0);
    writeFileSync(join(cwd, 'deploy/other.yaml'), PRIVILEGED_DEPLOYMENT);
    const result = runCli(['scan', '--format', 'sarif', '--baseline', '.bulkhead-baseline.json', ...only()], cwd);
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout) as SarifLog;
    assert.equal(sarifSchemaErrors(log), '');
    assert.deepEqual(log.runs[0]!.results.map((entry) => [entry.locations[0]!.physicalLocation.artifactLocation.uri, entry.baselineState]), [['deploy/other.yaml', 'new']]);
  });

  it('a missing or invalid baseline is an error (exit 2)', () => {
    const cwd = tree();
    const missing = runCli(['scan', '--baseline', 'nope.json'], cwd);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /could not use the baseline nope\.json: no such file/);
    writeFileSync(join(cwd, 'bad.json'), '{"findings": 3}');
    const invalid = runCli(['scan', '--baseline', 'bad.json'], cwd);
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /not a Bulkhead baseline/);
    writeFileSync(join(cwd, 'broken.json'), '{');
    assert.match(runCli(['scan', '--baseline', 'broken.json'], cwd).stderr, /not JSON/);
  });

  it('has help and rejects unknown options', () => {
    const cwd = tree();
    const help = runCli(['baseline', '--help'], cwd);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: bulkhead baseline/);
    const bad = runCli(['baseline', '--format', 'json'], cwd);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bulkhead baseline --help/);
  });
});

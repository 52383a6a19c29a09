/**
 * `bulkhead scan --fix`: safe fixes are written in place, nothing else in the file changes, a
 * second scan is clean for the rule, and files without safe fixes are left alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt, makeTree, onlyRules, PRIVILEGED_DEPLOYMENT, ROOT_DOCKERFILE, runCli, scanJson } from './support';

const PRIVILEGED = 'k8s/privileged-container';

before(ensureBuilt);

describe('scan --fix', () => {
  it('fixes privileged: true in place and changes no other byte', () => {
    const manifest = `${PRIVILEGED_DEPLOYMENT}---\n# second document\n${PRIVILEGED_DEPLOYMENT.replace('name: api\n', 'name: worker\n')}`;
    const cwd = makeTree({ 'deploy/api.yaml': manifest, 'Dockerfile': ROOT_DOCKERFILE });
    const before = scanJson([], cwd).report.findings.filter((finding) => finding.ruleId === PRIVILEGED);
    assert.equal(before.length, 2);

    const result = runCli(['scan', '--fix', ...onlyRules(PRIVILEGED)], cwd);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^deploy\/api\.yaml: fixed 2 findings \(k8s\/privileged-container ×2\)$/m);
    assert.match(result.stdout, /fixed 2 findings in 1 file/);

    const fixed = readFileSync(join(cwd, 'deploy/api.yaml'), 'utf8');
    assert.equal(fixed, manifest.replaceAll('privileged: true', 'privileged: false'));
    assert.equal(readFileSync(join(cwd, 'Dockerfile'), 'utf8'), ROOT_DOCKERFILE, 'a file without safe fixes is untouched');

    const after = scanJson([], cwd).report.findings.filter((finding) => finding.ruleId === PRIVILEGED);
    assert.deepEqual(after, []);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const manifest = `\ufeff${PRIVILEGED_DEPLOYMENT.replaceAll('\n', '\r\n')}`;
    const cwd = makeTree({ 'api.yaml': manifest });
    const found = scanJson([], cwd).report.findings.filter((finding) => finding.ruleId === PRIVILEGED);
    assert.deepEqual(found.map((finding) => [finding.line, finding.column, finding.endColumn]), [[20, 13, 29]]);
    const result = runCli(['scan', '--fix', '--format', 'json', ...onlyRules(PRIVILEGED)], cwd);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).findings, [], 'the report shows what is left after fixing');
    assert.match(result.stderr, /api\.yaml: fixed k8s\/privileged-container ×1/);
    assert.equal(readFileSync(join(cwd, 'api.yaml'), 'utf8'), manifest.replace('privileged: true', 'privileged: false'));
  });

  it('does not apply a rule turned off, nor suggestions', () => {
    const cwd = makeTree({ 'api.yaml': PRIVILEGED_DEPLOYMENT, 'Dockerfile': ROOT_DOCKERFILE });
    const result = runCli(['scan', '--fix', '--fail-on', 'none', '--rule', `${PRIVILEGED}=off`, ...onlyRules(PRIVILEGED, 'dockerfile/user-root')], cwd);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(join(cwd, 'api.yaml'), 'utf8'), PRIVILEGED_DEPLOYMENT);
    assert.equal(readFileSync(join(cwd, 'Dockerfile'), 'utf8'), ROOT_DOCKERFILE);
    assert.match(result.stdout, /dockerfile\/user-root/, 'the unfixed finding is still reported');
  });

  it('leaves a file that is not valid UTF-8 alone and says so', () => {
    // `# café` in Latin-1: the invalid byte sits in a comment (at the end of the file, it would be
    // a YAML syntax error, and fixes are not applied to a document with one).
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(PRIVILEGED_DEPLOYMENT.slice('# The API.'.length))]);
    const cwd = makeTree({ 'api.yaml': bytes });
    const result = runCli(['scan', '--fix', '--format', 'json', ...onlyRules(PRIVILEGED)], cwd);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout);
    assert.equal(report.findings.length, 1);
    assert.match(report.errors[0].message, /not valid UTF-8/);
    assert.ok(readFileSync(join(cwd, 'api.yaml')).equals(bytes));
  });
});

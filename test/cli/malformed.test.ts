/**
 * Malformed and hostile inputs never crash the CLI: each yields findings for what parses and a
 * clear entry in `errors` for what could not be analysed.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ensureBuilt, makeTree, PRIVILEGED_DEPLOYMENT, runCli } from './support';

const PRIVILEGED = 'k8s/privileged-container';

before(ensureBuilt);

function scanOne(files: Record<string, string | Buffer>) {
  const cwd = makeTree(files);
  const started = Date.now();
  const result = runCli(['scan', '--format', 'json'], cwd);
  const elapsed = Date.now() - started;
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; line: number }[]; errors: { file: string; message: string }[] };
  for (const error of report.errors) assert.deepEqual(Object.keys(error), ['file', 'message']);
  return { report, elapsed, stderr: result.stderr };
}

describe('malformed inputs', () => {
  it('half-typed YAML: a syntax error with its position', () => {
    const halfTyped = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: [nginx:1.27\n          securityContext:\n            privileged: tr`;
    const { report } = scanOne({ 'web.yaml': halfTyped });
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]!.file, 'web.yaml');
    assert.match(report.errors[0]!.message, /^\d+:\d+: YAML syntax error/);
  });

  it('a syntax error in one document still reports findings of the others', () => {
    const { report } = scanOne({ 'all.yaml': `${PRIVILEGED_DEPLOYMENT}---\nkind: [broken\n` });
    assert.equal(report.findings.filter((finding) => finding.ruleId === PRIVILEGED).length, 1);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0]!.message, /YAML syntax error in document 2/);
  });

  it('a binary file named Dockerfile', () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x46, 0x52, 0x4f, 0x4d]);
    const { report } = scanOne({ 'Dockerfile': Buffer.concat([binary, binary, binary]) });
    assert.deepEqual(report.findings, []);
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]!.file, 'Dockerfile');
    assert.match(report.errors[0]!.message, /binary/);
  });

  it('a YAML alias bomb (billion laughs, 9 levels) finishes quickly', () => {
    const levels = 'abcdefghi';
    const bomb = ['x-lol:', `  a: &a [${Array(9).fill('"lol"').join(', ')}]`];
    for (let index = 1; index < levels.length; index++) {
      bomb.push(`  ${levels[index]}: &${levels[index]} [${Array(9).fill(`*${levels[index - 1]}`).join(', ')}]`);
    }
    const manifest = `${bomb.join('\n')}\n${PRIVILEGED_DEPLOYMENT}          args: *i\n          env: [{name: LOL, value: *i}]\n`;
    const { report, elapsed } = scanOne({ 'bomb.yaml': manifest });
    assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
    // What parses is still analysed.
    assert.equal(report.findings.filter((finding) => finding.ruleId === PRIVILEGED).length, 1);
  });

  it('a 5 MB multi-document manifest', () => {
    const documents: string[] = [];
    let size = 0;
    let privileged = 0;
    for (let index = 0; size < 5 * 1024 * 1024; index++) {
      const isPrivileged = index % 250 === 0;
      if (isPrivileged) privileged++;
      const document = PRIVILEGED_DEPLOYMENT.replace('name: api\n', `name: api-${index}\n`)
        .replace('privileged: true', `privileged: ${isPrivileged}`)
        .replace('# The API.', `# ${'x'.repeat(400)}`);
      documents.push(document);
      size += document.length + 4;
    }
    const { report, elapsed } = scanOne({ 'big.yaml': documents.join('---\n') });
    assert.deepEqual(report.errors, []);
    assert.equal(report.findings.filter((finding) => finding.ruleId === PRIVILEGED).length, privileged);
    assert.ok(elapsed < 45_000, `took ${elapsed} ms`);
  });

  it('a file above the size limit is skipped with one error', () => {
    const { report } = scanOne({ 'huge.yaml': `${PRIVILEGED_DEPLOYMENT}# ${'x'.repeat(11 * 1024 * 1024)}\n` });
    assert.deepEqual(report.findings, []);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0]!.message, /not analysed: it is 11\.0 MB, above Bulkhead's limit of 10 MB/);
  });

  it('a Helm template under templates/: one clear error, no YAML-syntax noise', () => {
    const template = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "chart.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          {{- with .Values.securityContext }}\n          securityContext:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n`;
    const { report } = scanOne({ 'chart/templates/deployment.yaml': template, 'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 0.1.0\n' });
    assert.deepEqual(report.findings, []);
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]!.file, 'chart/templates/deployment.yaml');
    assert.match(report.errors[0]!.message, /Helm/);
    assert.doesNotMatch(report.errors[0]!.message, /syntax/i);
  });

  it('lists errors on stderr in text mode, after the findings', () => {
    const cwd = makeTree({ 'web.yaml': 'apiVersion: v1\nkind: Pod\nspec: [\n', 'api.yaml': PRIVILEGED_DEPLOYMENT });
    const result = runCli(['scan', '--fail-on', 'none'], cwd);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /^web\.yaml:\d+:\d+: YAML syntax error/m);
    assert.match(result.stdout, /1 file not fully analysed/);
  });
});

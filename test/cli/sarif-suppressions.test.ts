/**
 * `bulkhead scan --format sarif` and suppressions: a finding a suppression hid is a result with
 * an in-source, accepted `suppressions` entry whose `justification` is the suppression's reason
 * (GitHub code scanning shows it as a dismissed alert), whatever the syntax — Bulkhead's
 * comments and annotation, hadolint's, checkov's, Trivy's and kube-linter's. Suppressed
 * findings do not count for --fail-on and are in neither the text nor the JSON report.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { sarifSchemaErrors, type SarifLog, type SarifResult } from './sarif-support';
import { ensureBuilt, makeTree, onlyRules, PRIVILEGED_DEPLOYMENT, runCli, scanJson } from './support';

const PRIVILEGED = 'k8s/privileged-container';
const USER_ROOT = 'dockerfile/user-root';
const FINGERPRINT_KEY = 'bulkheadFindingHash/v1';
const PRIVILEGED_LINE = '            privileged: true\n';

interface SarifSuppression {
  kind: string;
  status?: string;
  justification?: string;
  location?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } };
  properties?: Record<string, unknown>;
}

type Result = SarifResult & { suppressions?: SarifSuppression[] };

const dockerfile = (comment: string) => `FROM alpine:3.20\nRUN echo hello\n${comment}\nUSER root\n`;
/** The privileged Deployment with `comment` on the line above `privileged: true` (line 21 then). */
const commented = (comment: string) => PRIVILEGED_DEPLOYMENT.replace(PRIVILEGED_LINE, `            ${comment}\n${PRIVILEGED_LINE}`);
/** The privileged Deployment with an annotation on the Deployment (`privileged: true` on line 22 then). */
const annotated = (key: string, value: string) => PRIVILEGED_DEPLOYMENT.replace('  name: api\n', `  name: api\n  annotations:\n    ${key}: ${JSON.stringify(value)}\n`);

/** One file per suppression syntax; every one hides the file's only finding. */
const SUPPRESSED_FILES: Readonly<Record<string, string>> = {
  'bulkhead/Dockerfile': dockerfile('# bulkhead-ignore dockerfile/user-root -- the base image binds :80 as root'),
  'bulkhead-bare/Dockerfile': dockerfile('# bulkhead-ignore dockerfile/user-root'),
  'bulkhead-file/Dockerfile': `# bulkhead-ignore-file dockerfile/user-root -- a build-only image\n${dockerfile('')}`,
  'hadolint/Dockerfile': dockerfile('# hadolint ignore=DL3002'),
  'trivy/Dockerfile': dockerfile('#trivy:ignore:AVD-DS-0002'),
  'bulkhead/api.yaml': commented('# bulkhead-ignore k8s/privileged-container -- the CNI agent manages the host network'),
  'checkov/api.yaml': commented('# checkov:skip=CKV_K8S_16:the CNI agent manages the host network'),
  'trivy/api.yaml': PRIVILEGED_DEPLOYMENT.replace(PRIVILEGED_LINE, '            privileged: true  # trivy:ignore:KSV017\n'),
  'annotation/api.yaml': annotated('bulkhead.dev/ignore', 'k8s/privileged-container -- the CNI agent manages the host network'),
  'kube-linter/api.yaml': annotated('ignore-check.kube-linter.io/privileged-container', 'the CNI agent manages the host network'),
};

const CNI = 'the CNI agent manages the host network';

/** Per file: the syntax, the justification (undefined: none) and where the suppression is written (line, first column). */
const EXPECTED: Readonly<Record<string, { syntax: string; justification: string | undefined; at: [number, number]; finding: [string, number] }>> = {
  'annotation/api.yaml': { syntax: 'bulkhead', justification: CNI, at: [7, 5], finding: [PRIVILEGED, 22] },
  'bulkhead-bare/Dockerfile': { syntax: 'bulkhead', justification: undefined, at: [3, 1], finding: [USER_ROOT, 4] },
  'bulkhead-file/Dockerfile': { syntax: 'bulkhead', justification: 'a build-only image', at: [1, 1], finding: [USER_ROOT, 5] },
  'bulkhead/Dockerfile': { syntax: 'bulkhead', justification: 'the base image binds :80 as root', at: [3, 1], finding: [USER_ROOT, 4] },
  'bulkhead/api.yaml': { syntax: 'bulkhead', justification: CNI, at: [20, 13], finding: [PRIVILEGED, 21] },
  'checkov/api.yaml': { syntax: 'checkov', justification: CNI, at: [20, 13], finding: [PRIVILEGED, 21] },
  'hadolint/Dockerfile': { syntax: 'hadolint', justification: undefined, at: [3, 1], finding: [USER_ROOT, 4] },
  'kube-linter/api.yaml': { syntax: 'kube-linter', justification: CNI, at: [7, 5], finding: [PRIVILEGED, 22] },
  'trivy/Dockerfile': { syntax: 'trivy', justification: undefined, at: [3, 1], finding: [USER_ROOT, 4] },
  'trivy/api.yaml': { syntax: 'trivy', justification: undefined, at: [20, 31], finding: [PRIVILEGED, 20] },
};

before(ensureBuilt);

function scanSarif(cwd: string, ...args: string[]): { status: number | null; log: SarifLog; results: Result[] } {
  const result = runCli(['scan', '--format', 'sarif', ...args], cwd);
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  const log = JSON.parse(result.stdout) as SarifLog;
  assert.equal(sarifSchemaErrors(log), '', 'the log is valid against the SARIF 2.1.0 schema');
  return { status: result.status, log, results: log.runs[0]!.results as Result[] };
}

const uriOf = (result: Result) => result.locations[0]!.physicalLocation.artifactLocation.uri;

describe('scan --format sarif: suppressed findings', () => {
  const only = () => onlyRules(PRIVILEGED, USER_ROOT);

  it('are results with an in-source, accepted suppression: one per syntax, with its justification and location', () => {
    const cwd = makeTree(SUPPRESSED_FILES);
    const { status, results } = scanSarif(cwd, ...only());
    assert.equal(status, 0, 'suppressed errors do not fail the scan');
    assert.deepEqual(results.map(uriOf), Object.keys(EXPECTED), 'one result per file, in report order');
    for (const result of results) {
      const file = uriOf(result);
      const expected = EXPECTED[file]!;
      assert.deepEqual([result.ruleId, result.locations[0]!.physicalLocation.region.startLine], expected.finding, file);
      assert.equal(result.suppressions?.length, 1, file);
      const [suppression] = result.suppressions!;
      assert.deepEqual(
        {
          kind: suppression!.kind,
          status: suppression!.status,
          justification: suppression!.justification,
          syntax: suppression!.properties?.syntax,
          uri: suppression!.location?.physicalLocation.artifactLocation.uri,
          at: [suppression!.location?.physicalLocation.region.startLine, suppression!.location?.physicalLocation.region.startColumn],
        },
        { kind: 'inSource', status: 'accepted', justification: expected.justification, syntax: expected.syntax, uri: file, at: expected.at },
        file,
      );
      assert.ok(!('justification' in suppression!) || suppression!.justification !== undefined, `${file}: no empty justification key`);
      assert.equal(result.fixes, undefined, `${file}: a suppressed finding carries no fix`);
      assert.match(result.partialFingerprints[FINGERPRINT_KEY]!, /^[0-9a-f]{32}:\d+$/);
    }
  });

  it('stand beside the unsuppressed results, which keep no suppressions; --fail-on counts only those', () => {
    const cwd = makeTree({ ...SUPPRESSED_FILES, 'open/api.yaml': PRIVILEGED_DEPLOYMENT });
    const { status, results } = scanSarif(cwd, ...only());
    assert.equal(status, 1);
    const open = results.filter((result) => result.suppressions === undefined);
    assert.deepEqual(open.map((result) => [uriOf(result), result.ruleId]), [['open/api.yaml', PRIVILEGED]]);
    assert.equal(open[0]!.fixes?.length, 1, 'the open finding keeps its fix');
    assert.equal(results.length, Object.keys(SUPPRESSED_FILES).length + 1);
  });

  it('are in neither the text nor the JSON report, and do not change their exit codes', () => {
    const cwd = makeTree(SUPPRESSED_FILES);
    const json = scanJson([...only(), '--fail-on', 'info'], cwd);
    assert.equal(json.status, 0);
    assert.deepEqual(json.report.findings, []);
    assert.deepEqual(Object.keys(json.report), ['version', 'tool', 'findings', 'errors'], 'the JSON contract is unchanged');
    const text = runCli(['scan', ...only(), '--fail-on', 'info'], cwd);
    assert.equal(text.status, 0, text.stderr);
    assert.doesNotMatch(text.stdout, /privileged-container|user-root/);
    assert.match(text.stdout, /^0 findings in 10 files$/m);
  });

  it('keep the fingerprint the finding had before it was suppressed, also among identical lines', () => {
    const twice = `${PRIVILEGED_DEPLOYMENT}---\n${PRIVILEGED_DEPLOYMENT.replace('name: api\n', 'name: worker\n')}`;
    const cwd = makeTree({ 'api.yaml': twice });
    const before = scanSarif(cwd, ...only()).results;
    assert.equal(before.length, 2);
    // Suppress the first of the two identical `privileged: true` lines (with a comment above it).
    writeFileSync(join(cwd, 'api.yaml'), twice.replace(PRIVILEGED_LINE, `            # bulkhead-ignore ${PRIVILEGED} -- ${CNI}\n${PRIVILEGED_LINE}`));
    const after = scanSarif(cwd, ...only()).results;
    assert.deepEqual(after.map((result) => result.suppressions?.[0]?.justification), [CNI, undefined]);
    assert.deepEqual(
      after.map((result) => result.partialFingerprints[FINGERPRINT_KEY]),
      before.map((result) => result.partialFingerprints[FINGERPRINT_KEY]),
      'the suppressed one keeps its alert; the other is still the second occurrence',
    );
  });

  it('are the same with worker threads (--jobs 2)', () => {
    const cwd = makeTree({ ...SUPPRESSED_FILES, 'open/api.yaml': PRIVILEGED_DEPLOYMENT });
    const serial = runCli(['scan', '--format', 'sarif', '--jobs', '1', ...only()], cwd);
    const parallel = runCli(['scan', '--format', 'sarif', '--jobs', '2', ...only()], cwd);
    assert.equal(parallel.status, 1, parallel.stderr);
    assert.equal(parallel.stdout, serial.stdout);
    assert.equal((JSON.parse(parallel.stdout) as SarifLog).runs[0]!.results.filter((result) => (result as Result).suppressions !== undefined).length, Object.keys(SUPPRESSED_FILES).length);
  });

  it('carry no baselineState under --baseline (only new findings are marked new)', () => {
    const cwd = makeTree({ 'bulkhead/Dockerfile': SUPPRESSED_FILES['bulkhead/Dockerfile']!, 'open/api.yaml': PRIVILEGED_DEPLOYMENT });
    writeFileSync(join(cwd, 'baseline.json'), JSON.stringify({ version: 1, tool: { name: 'bulkhead', version: '0.0.0' }, findings: [] }));
    const { results } = scanSarif(cwd, '--baseline', 'baseline.json', ...only());
    assert.deepEqual(results.map((result) => [uriOf(result), result.baselineState, result.suppressions?.length]), [
      ['bulkhead/Dockerfile', undefined, 1],
      ['open/api.yaml', 'new', undefined],
    ]);
  });
});

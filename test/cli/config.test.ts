/**
 * `.bulkhead.yaml` in the command line: found by walking up from each scanned path (the nearest
 * wins) or named with --config; merged under --rule; its exclude globs relative to its folder;
 * an invalid one listed among the errors, with the defaults applied.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt, makeTree, NON_ROOT_DOCKERFILE, ROOT_DOCKERFILE, runCli, scanJson, type JsonReport } from './support';

const USER_ROOT = 'dockerfile/user-root';
const rulesOf = (report: JsonReport, file?: string) =>
  report.findings.filter((finding) => file === undefined || finding.file === file).map((finding) => finding.ruleId);

before(ensureBuilt);

describe('scan with .bulkhead.yaml', () => {
  it('applies the configuration found in the scanned folder; --rule wins over it', () => {
    const cwd = makeTree({ '.bulkhead.yaml': `rules:\n  ${USER_ROOT}: error\n`, 'Dockerfile': ROOT_DOCKERFILE });
    const { report, status } = scanJson([], cwd);
    assert.equal(report.findings.find((finding) => finding.ruleId === USER_ROOT)?.severity, 'error');
    assert.equal(status, 1);
    assert.ok(!rulesOf(scanJson(['--rule', `${USER_ROOT}=off`], cwd).report).includes(USER_ROOT));
  });

  it('walks up from the scanned path; the nearest configuration wins; .bulkhead.yml too', () => {
    const cwd = makeTree({
      '.bulkhead.yaml': `rules:\n  ${USER_ROOT}: error\n`,
      'svc/.bulkhead.yml': `rules:\n  ${USER_ROOT}: off\n`,
      'svc/Dockerfile': ROOT_DOCKERFILE,
      'web/Dockerfile': ROOT_DOCKERFILE,
    });
    assert.deepEqual(rulesOf(scanJson([join(cwd, 'svc')], join(cwd, 'web')).report).filter((id) => id === USER_ROOT), []);
    assert.equal(scanJson(['.'], join(cwd, 'web')).report.findings.find((finding) => finding.ruleId === USER_ROOT)?.severity, 'error');
    // Two scanned paths under different configurations: each file gets its own.
    const both = scanJson(['svc', 'web'], cwd).report;
    assert.deepEqual(both.findings.filter((finding) => finding.ruleId === USER_ROOT).map((finding) => [finding.file, finding.severity]), [['web/Dockerfile', 'error']]);
  });

  it('--config names the file; a missing one is a usage error', () => {
    const cwd = makeTree({ 'ci/bulkhead.yaml': `rules:\n  ${USER_ROOT}: off\n`, 'Dockerfile': ROOT_DOCKERFILE });
    assert.ok(!rulesOf(scanJson(['--config', 'ci/bulkhead.yaml'], cwd).report).includes(USER_ROOT));
    const missing = runCli(['scan', '--config', 'nope.yaml'], cwd);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--config: no such file: nope\.yaml/);
  });

  it('exclude globs join --exclude and are relative to the configuration file’s folder', () => {
    const cwd = makeTree({
      '.bulkhead.yaml': 'exclude:\n  - deploy/generated/**\n  - "*.gen.Dockerfile"\n',
      'deploy/generated/Dockerfile': ROOT_DOCKERFILE,
      'deploy/app/Dockerfile': ROOT_DOCKERFILE,
      'deploy/app/x.gen.Dockerfile': ROOT_DOCKERFILE,
      'deploy/other/Dockerfile': ROOT_DOCKERFILE,
    });
    const files = (args: string[], at: string) => [...new Set(scanJson(args, at).report.findings.map((finding) => finding.file))];
    assert.deepEqual(files(['.'], join(cwd, 'deploy')), ['app/Dockerfile', 'other/Dockerfile']);
    assert.deepEqual(files(['--exclude', 'other'], cwd), ['deploy/app/Dockerfile']);
  });

  it('an invalid configuration is listed among the errors with positions; valid parts and defaults apply', () => {
    const cwd = makeTree({ '.bulkhead.yaml': `rules:\n  ${USER_ROOT}: error\n  no/such-rule: off\nkubernetesVersion: soon\nverbose: true\n`, 'Dockerfile': ROOT_DOCKERFILE });
    const { report, status } = scanJson([], cwd);
    assert.deepEqual(report.errors, [
      { file: '.bulkhead.yaml', message: "3:3: Unknown rule 'no/such-rule'. `bulkhead rules` lists them." },
      { file: '.bulkhead.yaml', message: '4:20: \'kubernetesVersion\' must be a Kubernetes version such as "1.31" (or "latest"), not "soon".' },
      { file: '.bulkhead.yaml', message: "5:1: Unknown key 'verbose': the configuration has rules, exclude, trustedRegistries, kubernetesVersion." },
    ]);
    assert.equal(report.findings.find((finding) => finding.ruleId === USER_ROOT)?.severity, 'error');
    assert.equal(status, 1, 'the finding is an error; the configuration problems alone do not change the exit code');
    const text = runCli(['scan'], cwd);
    assert.match(text.stderr, /^\.bulkhead\.yaml:3:3: Unknown rule 'no\/such-rule'/m);
  });

  it('kubernetesVersion reaches the rules', () => {
    const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: a\n  namespace: x\nspec:\n  minAvailable: 1\n';
    const cwd = makeTree({ 'pdb.yaml': pdb });
    const severity = () => scanJson([], cwd).report.findings.find((finding) => finding.ruleId === 'k8s/deprecated-api-version')?.severity;
    assert.equal(severity(), 'error');
    const old = makeTree({ '.bulkhead.yaml': 'kubernetesVersion: "1.21"\n', 'pdb.yaml': pdb });
    assert.equal(scanJson([], old).report.findings.find((finding) => finding.ruleId === 'k8s/deprecated-api-version')?.severity, 'warning');
  });
});

describe('unused suppressions in the report', () => {
  it('are listed as bulkhead/unused-suppression info findings at the comment; configurable like a rule', () => {
    const cwd = makeTree({ 'Dockerfile': NON_ROOT_DOCKERFILE.replace('USER 10001', '# hadolint ignore=DL3002\nUSER 10001') });
    const { report } = scanJson(['--fail-on', 'info'], cwd);
    const unused = report.findings.filter((finding) => finding.ruleId === 'bulkhead/unused-suppression');
    assert.deepEqual(unused.map(({ severity, line, column, endLine, endColumn, message }) => ({ severity, line, column, endLine, endColumn, message })), [
      { severity: 'info', line: 3, column: 1, endLine: 3, endColumn: 25, message: 'Unused hadolint suppression: no finding of DL3002 (dockerfile/user-root) to hide.' },
    ]);
    assert.ok(!rulesOf(scanJson(['--rule', 'bulkhead/unused-suppression=off'], cwd).report).includes('bulkhead/unused-suppression'));
  });
});

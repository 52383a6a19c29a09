/**
 * `.bulkhead.yaml` files below the scanned folder: each scanned file gets the nearest one in or
 * above its own folder (as in the editor), and the exclude globs of every one above it apply.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt, makeTree, ROOT_DOCKERFILE, scanJson, type JsonReport } from './support';

const USER_ROOT = 'dockerfile/user-root';
const severities = (report: JsonReport) =>
  report.findings.filter((finding) => finding.ruleId === USER_ROOT).map((finding) => [finding.file, finding.severity]);

before(ensureBuilt);

describe('scan with nested .bulkhead.yaml files', () => {
  const tree = () =>
    makeTree({
      '.bulkhead.yaml': `rules:\n  ${USER_ROOT}: error\nexclude:\n  - "*.gen.Dockerfile"\n`,
      'Dockerfile': ROOT_DOCKERFILE,
      'svc/.bulkhead.yml': `rules:\n  ${USER_ROOT}: off\nexclude:\n  - generated/\n`,
      'svc/Dockerfile': ROOT_DOCKERFILE,
      'svc/deep/Dockerfile': ROOT_DOCKERFILE,
      'svc/generated/Dockerfile': ROOT_DOCKERFILE,
      'svc/x.gen.Dockerfile': ROOT_DOCKERFILE,
      'web/.bulkhead.yaml': 'kubernetesVersion: "1.30"\n',
      'web/Dockerfile': ROOT_DOCKERFILE,
    });

  it('a folder’s file applies to the files under it only; the nearest one wins, with no cascade', () => {
    const cwd = tree();
    assert.deepEqual(severities(scanJson([], cwd).report), [
      ['Dockerfile', 'error'],
      // web/.bulkhead.yaml says nothing about rules: the defaults apply there, not the root file's.
      ['web/Dockerfile', 'warning'],
    ]);
  });

  it('is the same whichever folder the scan starts from', () => {
    const cwd = tree();
    const fromRoot = scanJson(['svc', 'web', 'Dockerfile'], cwd).report;
    assert.deepEqual(severities(fromRoot), [['Dockerfile', 'error'], ['web/Dockerfile', 'warning']]);
    assert.deepEqual(severities(scanJson([], join(cwd, 'svc')).report), []);
    assert.deepEqual(severities(scanJson(['deep/Dockerfile'], join(cwd, 'svc')).report), []);
  });

  it('exclude globs of every file above apply, each relative to its own folder', () => {
    const cwd = tree();
    const files = (report: JsonReport) => [...new Set(report.findings.map((finding) => finding.file))];
    assert.deepEqual(files(scanJson([], cwd).report), ['Dockerfile', 'svc/Dockerfile', 'svc/deep/Dockerfile', 'web/Dockerfile']);
    assert.deepEqual(files(scanJson(['.'], join(cwd, 'svc')).report), ['Dockerfile', 'deep/Dockerfile']);
  });

  it('lists the problems of a nested file among the errors', () => {
    const cwd = makeTree({ 'svc/.bulkhead.yaml': 'rules:\n  no/such-rule: off\n', 'svc/Dockerfile': ROOT_DOCKERFILE });
    assert.deepEqual(scanJson([], cwd).report.errors, [{ file: 'svc/.bulkhead.yaml', message: "2:3: Unknown rule 'no/such-rule'. `bulkhead rules` lists them." }]);
  });
});

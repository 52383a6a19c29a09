/**
 * Input discovery: Dockerfile names and YAML files, .git / node_modules skipped, .gitignore files
 * honoured (nested ones and `!` re-includes too), --exclude globs.
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { excludeMatcher } from '../../server/src/core/index';
import { discover } from '../../server/src/node/discover';
import { ensureBuilt, makeTree, PRIVILEGED_DEPLOYMENT, ROOT_DOCKERFILE, scanJson } from './support';

function found(cwd: string, paths: string[] = ['.'], exclude: string[] = []): string[] {
  return discover(paths, { cwd, exclude }).files.map((file) => relative(cwd, file).split('\\').join('/'));
}

describe('discover', () => {
  it('follows links to files inside the scanned folder, never to files outside it', () => {
    const outside = makeTree({ 'kubeconfig.yaml': 'apiVersion: v1\nkind: Config\n', 'Dockerfile': 'FROM scratch\n' });
    const cwd = makeTree({ 'k8s/deploy.yaml': '', 'Dockerfile': '' });
    symlinkSync(join(outside, 'kubeconfig.yaml'), join(cwd, 'stolen.yaml'));
    symlinkSync(join(outside, 'Dockerfile'), join(cwd, 'k8s', 'Dockerfile'));
    symlinkSync(join(cwd, 'k8s', 'deploy.yaml'), join(cwd, 'alias.yaml'));
    assert.deepEqual(found(cwd), ['Dockerfile', 'alias.yaml', 'k8s/deploy.yaml']);
  });

  it('finds Dockerfiles by name and YAML files, and nothing else', () => {
    const cwd = makeTree({
      'Dockerfile': '',
      'Dockerfile.prod': '',
      'api.Dockerfile': '',
      'web.dockerfile': '',
      'Containerfile': '',
      'Containerfile.dev': '',
      'k8s/deploy.yaml': '',
      'k8s/service.yml': '',
      'compose.yaml': '',
      'README.md': '',
      'Dockerfile-notes.txt': '',
      'values.json': '',
      'main.go': '',
    });
    assert.deepEqual(found(cwd), [
      'Containerfile',
      'Containerfile.dev',
      'Dockerfile',
      'Dockerfile.prod',
      'api.Dockerfile',
      'compose.yaml',
      'k8s/deploy.yaml',
      'k8s/service.yml',
      'web.dockerfile',
    ]);
  });

  it('skips .git and node_modules', () => {
    const cwd = makeTree({ '.git/Dockerfile': '', 'node_modules/pkg/Dockerfile': '', 'app/node_modules/x.yaml': '', 'app/Dockerfile': '', '.github/workflows/ci.yaml': '' });
    assert.deepEqual(found(cwd), ['.github/workflows/ci.yaml', 'app/Dockerfile']);
  });

  it('honours .gitignore files, nested ones and re-includes', () => {
    const cwd = makeTree({
      '.gitignore': 'build/\n*.generated.yaml\n# a comment\n',
      'build/Dockerfile': '',
      'deploy.generated.yaml': '',
      'deploy.yaml': '',
      'sub/.gitignore': '!keep.generated.yaml\nlocal.yaml\n',
      'sub/keep.generated.yaml': '',
      'sub/drop.generated.yaml': '',
      'sub/local.yaml': '',
      'sub/Dockerfile': '',
      'local.yaml': '',
    });
    assert.deepEqual(found(cwd), ['deploy.yaml', 'local.yaml', 'sub/Dockerfile', 'sub/keep.generated.yaml']);
  });

  it('applies the .gitignore files of the repository above a scanned subfolder', () => {
    const cwd = makeTree({ '.gitignore': '*.generated.yaml\n', 'app/deploy.generated.yaml': '', 'app/deploy.yaml': '' });
    mkdirSync(join(cwd, '.git'));
    assert.deepEqual(found(join(cwd, 'app')), ['deploy.yaml']);
    assert.deepEqual(found(cwd, ['app']), ['app/deploy.yaml']);
  });

  it('analyses a file named on the command line even when .gitignore ignores it', () => {
    const cwd = makeTree({ '.gitignore': '*.yaml\n', 'deploy.yaml': '' });
    assert.deepEqual(found(cwd), []);
    assert.deepEqual(found(cwd, ['deploy.yaml']), ['deploy.yaml']);
  });

  it('applies --exclude globs to files and folders', () => {
    const cwd = makeTree({
      'vendor/Dockerfile': '',
      'app/vendor/x.yaml': '',
      'app/Dockerfile': '',
      'app/test.fixture.yaml': '',
      'deploy/prod/a.yaml': '',
      'deploy/dev.yaml': '',
    });
    assert.deepEqual(found(cwd, ['.'], ['vendor']), ['app/Dockerfile', 'app/test.fixture.yaml', 'deploy/dev.yaml', 'deploy/prod/a.yaml']);
    assert.deepEqual(found(cwd, ['.'], ['*.fixture.yaml', 'deploy/prod/**']), ['app/Dockerfile', 'app/vendor/x.yaml', 'deploy/dev.yaml', 'vendor/Dockerfile']);
    assert.deepEqual(found(cwd, ['deploy'], ['prod']), ['deploy/dev.yaml'], 'a folder name matches at any depth');
    assert.deepEqual(found(cwd, ['deploy'], ['prod/**']), ['deploy/dev.yaml'], 'globs also match relative to the scanned folder');
    assert.deepEqual(found(cwd, ['app/Dockerfile'], ['app/**']), [], 'explicit files are excluded too');
  });

  it('reports missing paths', () => {
    const cwd = makeTree({ 'Dockerfile': '' });
    assert.deepEqual(discover(['nope', 'Dockerfile'], { cwd, exclude: [] }).missing, ['nope']);
  });

  it('matches exclude globs like .gitignore names', () => {
    const matches = excludeMatcher(['*.gen.yaml', './generated/', '**/tmp/**']);
    assert.ok(matches('a/b/c.gen.yaml'));
    assert.ok(matches('generated'));
    assert.ok(matches('generated/x.yaml'));
    assert.ok(matches('x/tmp/y/z.yaml'));
    assert.ok(!matches('a/generated/x.yaml'));
    assert.ok(!matches('c.yaml'));
    assert.ok(!excludeMatcher([])('anything'));
  });
});

describe('scan honours .gitignore end to end', () => {
  before(ensureBuilt);

  it('skips what .gitignore ignores', () => {
    const cwd = makeTree({ '.gitignore': 'generated/\n', 'generated/deploy.yaml': PRIVILEGED_DEPLOYMENT, 'generated/Dockerfile': ROOT_DOCKERFILE, 'Dockerfile': ROOT_DOCKERFILE });
    const files = new Set(scanJson([], cwd).report.findings.map((finding) => finding.file));
    assert.deepEqual([...files], ['Dockerfile']);
    const excluded = scanJson(['--exclude', 'Dockerfile'], cwd).report.findings;
    assert.deepEqual(excluded, []);
  });
});

/**
 * `bulkhead scan --fix-dry-run`: a unified diff of exactly what `--fix` would write, nothing
 * written, the exit code of a plain scan.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt, makeTree, NON_ROOT_DOCKERFILE, onlyRules, PRIVILEGED_DEPLOYMENT, runCli } from './support';

const PRIVILEGED = 'k8s/privileged-container';
const ADD = 'dockerfile/add-instead-of-copy';

const ADD_DOCKERFILE = 'FROM alpine:3.20\nADD app.py /app/\nUSER 10001\n';
const FILES = {
  'deploy/api.yaml': `${PRIVILEGED_DEPLOYMENT}---\n${PRIVILEGED_DEPLOYMENT.replace('name: api\n', 'name: worker\n')}`,
  'Dockerfile': ADD_DOCKERFILE,
  'clean/Dockerfile': NON_ROOT_DOCKERFILE,
};

before(ensureBuilt);

function contents(cwd: string): Record<string, string> {
  return Object.fromEntries(Object.keys(FILES).map((file) => [file, readFileSync(join(cwd, file), 'utf8')]));
}

describe('scan --fix-dry-run', () => {
  it('prints the unified diff of what --fix would change and writes nothing', () => {
    const only = onlyRules(PRIVILEGED, ADD);
    const cwd = makeTree(FILES);
    const result = runCli(['scan', '--fix-dry-run', ...only], cwd);
    assert.equal(result.status, 1, 'exit code as a plain scan: the privileged containers are still there');
    assert.equal(runCli(['scan', ...only], cwd).status, 1);
    assert.deepEqual(contents(cwd), FILES, 'nothing written');

    assert.equal(
      result.stdout,
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,3 +1,3 @@',
        ' FROM alpine:3.20',
        '-ADD app.py /app/',
        '+COPY app.py /app/',
        ' USER 10001',
        '--- a/deploy/api.yaml',
        '+++ b/deploy/api.yaml',
        '@@ -16,9 +16,9 @@',
        '       containers:',
        '         - name: api   # the server',
        '           image: registry.example.com/api:1.2.3',
        '           securityContext:',
        '-            privileged: true',
        '+            privileged: false',
        '           ports:',
        '             - containerPort: 8080',
        ' ---',
        ' # The API.',
        '@@ -39,7 +39,7 @@',
        '       containers:',
        '         - name: api   # the server',
        '           image: registry.example.com/api:1.2.3',
        '           securityContext:',
        '-            privileged: true',
        '+            privileged: false',
        '           ports:',
        '             - containerPort: 8080',
        '',
      ].join('\n'),
    );
    assert.match(result.stderr, /--fix would fix 3 findings in 2 files; nothing was written/);
  });

  it('is exactly what --fix writes (git apply of the diff)', () => {
    const only = onlyRules(PRIVILEGED, ADD);
    const previewed = makeTree(FILES);
    const diff = runCli(['scan', '--fix-dry-run', '--output', 'fix.diff', ...only], previewed);
    assert.equal(diff.stdout, '');
    const apply = spawnSync('git', ['apply', 'fix.diff'], { cwd: previewed, encoding: 'utf8' });
    assert.equal(apply.status, 0, apply.stderr);

    const fixed = makeTree(FILES);
    assert.equal(runCli(['scan', '--fix', ...only], fixed).status, 0);
    assert.deepEqual(contents(previewed), contents(fixed));
    assert.notDeepEqual(contents(fixed), FILES);
  });

  it('writes nothing with worker threads either (--jobs 2)', () => {
    const only = onlyRules(PRIVILEGED, ADD);
    const cwd = makeTree(FILES);
    const serial = runCli(['scan', '--fix-dry-run', '--jobs', '1', ...only], cwd);
    const parallel = runCli(['scan', '--fix-dry-run', '--jobs', '2', ...only], cwd);
    assert.equal(parallel.stdout, serial.stdout);
    assert.notEqual(parallel.stdout, '');
    assert.deepEqual(contents(cwd), FILES);
  });

  it('follows --fail-on and --rule like a scan', () => {
    const cwd = makeTree(FILES);
    assert.equal(runCli(['scan', '--fix-dry-run', '--fail-on', 'none', ...onlyRules(PRIVILEGED, ADD)], cwd).status, 0);
    const withoutPrivileged = runCli(['scan', '--fix-dry-run', ...onlyRules(ADD)], cwd);
    assert.equal(withoutPrivileged.status, 0, 'the ADD finding is a warning');
    assert.doesNotMatch(withoutPrivileged.stdout, /privileged/);
    assert.match(withoutPrivileged.stdout, /^\+COPY app\.py \/app\/$/m);
  });

  it('says when there is nothing to fix', () => {
    const cwd = makeTree({ 'Dockerfile': NON_ROOT_DOCKERFILE });
    const result = runCli(['scan', '--fix-dry-run', ...onlyRules(PRIVILEGED, ADD)], cwd);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /nothing to fix/);
  });

  it('does not combine with --fix or another --format', () => {
    const cwd = makeTree(FILES);
    const both = runCli(['scan', '--fix', '--fix-dry-run'], cwd);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--fix and --fix-dry-run do not go together/);
    const json = runCli(['scan', '--fix-dry-run', '--format', 'json'], cwd);
    assert.equal(json.status, 2);
    assert.match(json.stderr, /does not take --format/);
    assert.deepEqual(contents(cwd), FILES);
  });
});

/** Unit tests of the language server's pure helpers (the protocol tests cover the rest). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimalEdit } from '../../server/src/lsp/fix-all';
import { applyEdits, excludeMatcher } from '../../server/src/core/index';
import { pathOfUri, WorkspaceFolders } from '../../server/src/lsp/workspace';

describe('exclude globs (one matcher for the editor and the command line)', () => {
  const cases: [string, string, boolean][] = [
    ['vendor/**', 'vendor/a/deploy.yaml', true],
    ['vendor/**', 'src/vendor/deploy.yaml', false],
    ['vendor', 'src/vendor/deploy.yaml', true],
    ['**/generated/*.yaml', 'a/b/generated/x.yaml', true],
    ['**/generated/*.yaml', 'generated/x.yaml', true],
    ['**/generated/*.yaml', 'generated/sub/x.yaml', false],
    ['*.gen.yaml', 'deep/dir/app.gen.yaml', true],
    ['deploy/app-?.yaml', 'deploy/app-1.yaml', true],
    ['deploy/app-?.yaml', 'deploy/app-10.yaml', false],
    ['./deploy/', 'deploy/app.yaml', true],
    ['deploy/*.yaml', 'deploy/sub/app.yaml', false],
    ['a.b', 'axb', false],
    ['*.{gen,tmp}.yaml', 'deep/app.tmp.yaml', true],
    ['deploy/[ab].yaml', 'deploy/c.yaml', false],
    ['.github/**', '.github/workflows/ci.yaml', true],
    ['windows\\style\\', 'windows/style/x.yaml', true],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(excludeMatcher([glob])(path), expected));
  }
});

describe('workspace-relative paths', () => {
  it('uses the innermost folder and decodes the URI', () => {
    const folders = new WorkspaceFolders();
    folders.set(['file:///work/repo', 'file:///work/repo/services/api']);
    assert.equal(folders.relativePath('file:///work/repo/services/api/k8s/a%20b.yaml'), 'k8s/a b.yaml');
    assert.equal(folders.relativePath('file:///work/repo/Dockerfile'), 'Dockerfile');
    assert.equal(folders.relativePath('file:///elsewhere/Dockerfile'), 'elsewhere/Dockerfile');
    assert.equal(pathOfUri('untitled:Untitled-1'), 'Untitled-1');
  });
});

describe('minimal fix-all edit', () => {
  const cases: [string, string][] = [
    ['privileged: true\n', 'privileged: false\n'],
    ['a\r\nb\r\n', 'a\r\nx\r\nb\r\n'],
    ['a\r\nb', 'a\nb'],
    ['x😀y', 'x😃y'],
    ['same', 'same'],
    ['', 'new'],
  ];
  for (const [before, after] of cases) {
    it(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
      const edit = minimalEdit(before, after);
      assert.equal(applyEdits(before, [edit]), after);
      for (const at of [edit.start, edit.end]) {
        assert.ok(!(before[at - 1] === '\r' && before[at] === '\n'), 'splits a CRLF');
        assert.ok(!/[\ud800-\udbff]/.test(before[at - 1] ?? ''), 'splits a surrogate pair');
      }
    });
  }
});

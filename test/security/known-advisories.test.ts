/**
 * `npm audit --omit=dev` needs the registry's bulk advisory endpoint, which not every machine
 * reaches (these build machines get 405). So the advisories published for our production
 * dependencies are also listed here, checked by hand against the GitHub Advisory Database, and
 * every copy of the package the lockfile installs for production must be at or above the first
 * patched release of its major line. A lockfile that falls back to a vulnerable version fails.
 *
 * Reviewed 2026-11-23 (advisory ids as published on GitHub) for every production dependency:
 * balanced-match, brace-expansion, diff, dockerfile-ast, ignore, minimatch, mvdan-sh, picomatch,
 * semver, vscode-jsonrpc, vscode-languageclient, vscode-languageserver(-protocol, -types,
 * -textdocument), yaml. No advisory was found for those without an entry; this list is a
 * stand-in for `npm audit`, to be re-checked with it wherever the endpoint answers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface Advisory {
  readonly id: string;
  readonly what: string;
  /** First patched version per major line; a major line without one is vulnerable throughout. */
  readonly patched: readonly string[];
  /** The last affected version of the lines the advisory covers; later majors are not affected. */
  readonly lastAffected: string;
}

const ADVISORIES: Readonly<Record<string, readonly Advisory[]>> = {
  yaml: [{ id: 'GHSA-48c2-rrv3-qjmp', what: 'stack overflow on deeply nested collections', patched: ['1.10.3', '2.8.3'], lastAffected: '2.8.2' }],
  picomatch: [
    { id: 'GHSA-c2c7-rcm5-vvqj', what: 'ReDoS through extglob quantifiers', patched: ['2.3.2', '4.0.4'], lastAffected: '4.0.3' },
    { id: 'GHSA-3v7f-55p6-f55p', what: 'method injection in POSIX character classes', patched: ['2.3.2', '4.0.4'], lastAffected: '4.0.3' },
  ],
  minimatch: [{ id: 'GHSA-3ppc-4f35-3m26', what: 'ReDoS through repeated wildcards', patched: ['3.1.3', '4.2.4', '5.1.7', '6.2.1', '7.4.7', '8.0.5', '9.0.6', '10.2.1'], lastAffected: '10.2.0' }],
  'brace-expansion': [
    { id: 'GHSA-v6h2-p8h4-qcjw', what: 'ReDoS', patched: ['1.1.12', '2.0.2', '3.0.1', '4.0.1'], lastAffected: '4.0.0' },
    { id: 'GHSA-mh99-v99m-4gvg', what: 'out of memory through unbounded expansion', patched: ['1.1.17', '2.1.3', '3.0.3', '5.0.8'], lastAffected: '5.0.7' },
  ],
  semver: [{ id: 'GHSA-c2qf-rxjj-qqgw', what: 'ReDoS in range parsing', patched: ['5.7.2', '6.3.1', '7.5.2'], lastAffected: '7.5.1' }],
  diff: [{ id: 'GHSA-73rr-hh4g-fpgx', what: 'denial of service in parsePatch/applyPatch', patched: ['3.5.1', '4.0.4', '5.2.2', '8.0.3'], lastAffected: '8.0.2' }],
};

type Version = readonly [number, number, number];

function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  assert.ok(match, `a release version: ${text}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** True when `version` is affected: not past the advisory's lines, and below its line's patch (if the line has one). */
function isAffected(version: string, advisory: Advisory): boolean {
  const installed = parseVersion(version);
  if (compare(installed, parseVersion(advisory.lastAffected)) > 0) return false;
  const patch = advisory.patched.map(parseVersion).find((candidate) => candidate[0] === installed[0]);
  return patch === undefined || compare(installed, patch) < 0;
}

/** Every production copy in the lockfile: package name → installed versions. */
function productionPackages(): Map<string, string[]> {
  const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean }> };
  const found = new Map<string, string[]>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || !entry.version) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    found.set(name, [...(found.get(name) ?? []), entry.version]);
  }
  return found;
}

describe('known advisories of production dependencies', () => {
  const installed = productionPackages();

  it('reads the production packages from the lockfile', () => {
    for (const name of ['yaml', 'dockerfile-ast', 'mvdan-sh', 'vscode-languageserver', 'picomatch']) assert.ok(installed.has(name), name);
  });

  for (const [name, advisories] of Object.entries(ADVISORIES)) {
    for (const advisory of advisories) {
      it(`${name}: not affected by ${advisory.id} (${advisory.what})`, () => {
        const affected = (installed.get(name) ?? []).filter((version) => isAffected(version, advisory));
        assert.deepEqual(affected, []);
      });
    }
  }

  it('the check is real: known vulnerable versions are caught, patched ones pass', () => {
    const [yaml] = ADVISORIES.yaml!;
    assert.ok(isAffected('2.8.2', yaml!) && isAffected('1.10.2', yaml!) && isAffected('2.0.0', yaml!));
    assert.ok(!isAffected('2.8.3', yaml!) && !isAffected('2.9.1', yaml!) && !isAffected('1.10.3', yaml!));
    const [, outOfMemory] = ADVISORIES['brace-expansion']!;
    assert.ok(isAffected('4.0.1', outOfMemory!), 'a major line without a patch is affected throughout');
    assert.ok(!isAffected('5.0.13', outOfMemory!));
  });
});

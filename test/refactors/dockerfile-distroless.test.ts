/**
 * `dockerfile/distroless` (and its Alpine variant `dockerfile/alpine-nonroot`): golden
 * before/after fixtures under test/fixtures/refactors/dockerfile-distroless/, and for every
 * fixture the properties of issue 5: the output analyses without problems, the resolved rules
 * no longer report, nothing new at warning or above, a second application offers nothing, and
 * every line outside the edits is byte-identical. `UPDATE_GOLDEN=1` rewrites the golden files.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, DEFAULT_RULE_SET, refactorsOf, type RefactorOffer, type TextEdit } from '../../server/src/core/index';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'refactors', 'dockerfile-distroless');
const IDS = new Set(['dockerfile/distroless', 'dockerfile/alpine-nonroot']);
const RESOLVED = ['dockerfile/non-minimal-final-image', 'dockerfile/user-root'];

/** What each fixture is offered; the golden output is `<name>.expected.Dockerfile`. */
const EXPECTED: Readonly<Record<string, 'dockerfile/distroless' | 'dockerfile/alpine-nonroot' | 'none'>> = {
  // Go
  'go-static': 'dockerfile/distroless',
  'go-cgo': 'dockerfile/distroless',
  'go-install-shell-cmd': 'dockerfile/distroless',
  'go-crlf': 'dockerfile/distroless',
  'go-escape-backtick': 'dockerfile/distroless',
  'go-arg-label-secret-env': 'dockerfile/distroless',
  // Rust
  'rust-release': 'dockerfile/distroless',
  'rust-musl': 'dockerfile/distroless',
  'rust-install': 'dockerfile/distroless',
  // C/C++ static
  'c-gcc-static': 'dockerfile/distroless',
  'c-make-static': 'dockerfile/distroless',
  'cpp-static-shell-form': 'dockerfile/distroless',
  // Node.js
  'node-npm-ci': 'dockerfile/distroless',
  'node-build-step': 'dockerfile/distroless',
  'node-production-env': 'dockerfile/distroless',
  // Python
  'python-venv': 'dockerfile/distroless',
  'python-target': 'dockerfile/distroless',
  'python-venv-bin': 'dockerfile/distroless',
  // Java
  'java-maven': 'dockerfile/distroless',
  'java-gradle': 'dockerfile/distroless',
  'java-copied-jar': 'dockerfile/distroless',
  // Already multi-stage: only the final stage is swapped.
  'multistage-go': 'dockerfile/distroless',
  'multistage-java': 'dockerfile/distroless',
  'multistage-node': 'dockerfile/distroless',
  // The start command needs a shell: the Alpine variant only.
  'shell-go-variable-cmd': 'dockerfile/alpine-nonroot',
  'shell-java-sh-c': 'dockerfile/alpine-nonroot',
  'shell-rust-alpine-no-eol': 'dockerfile/alpine-nonroot',
  // Unknown stack or artefact: nothing.
  'unknown-ruby': 'none',
  'unknown-python312': 'none',
  'unknown-npm-start': 'none',
  'unknown-go-no-output': 'none',
};

const offersOf = (text: string): RefactorOffer[] => refactorsOf({ fileName: 'Dockerfile', text }).filter((offer) => IDS.has(offer.id));

const analyzed = (text: string) => analyze({ fileName: 'Dockerfile', text }, { rules: DEFAULT_RULE_SET });

/** Findings at warning or above, counted per rule. */
function seriousByRule(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of analyzed(text).findings) {
    if (finding.severity === 'info') continue;
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  return counts;
}

/** Every line of `before` no edit touches is found, byte for byte, at its shifted offset in `after`. */
function assertUntouchedLinesKept(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let lineStart = 0;
  while (lineStart < before.length) {
    const newline = before.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? before.length : newline + 1;
    const touched = sorted.some((edit) => edit.start < lineEnd && edit.end >= lineStart && !(edit.start === edit.end && (edit.start === lineStart || edit.start === lineEnd)));
    if (!touched) {
      const shift = sorted.filter((edit) => edit.end <= lineStart).reduce((sum, edit) => sum + edit.newText.length - (edit.end - edit.start), 0);
      assert.equal(after.slice(lineStart + shift, lineEnd + shift), before.slice(lineStart, lineEnd), `line at offset ${lineStart} is kept`);
    }
    lineStart = lineEnd;
  }
}

describe('refactoring dockerfile/distroless', () => {
  const inputs = readdirSync(FIXTURES).filter((name) => name.endsWith('.Dockerfile') && !name.endsWith('.expected.Dockerfile')).map((name) => name.replace(/\.Dockerfile$/, '')).sort();

  it('has a fixture for every expectation and an expectation for every fixture', () => {
    assert.deepEqual(inputs, Object.keys(EXPECTED).sort());
    for (const stack of ['go-', 'rust-', 'node-', 'python-', 'java-', 'multistage-', 'shell-', 'unknown-']) {
      assert.ok(inputs.filter((name) => name.startsWith(stack)).length >= 3, `at least 3 ${stack} fixtures`);
    }
    assert.ok(inputs.filter((name) => /^c(?:pp)?-/.test(name)).length >= 3, 'at least 3 C/C++ fixtures');
  });

  for (const name of inputs) {
    describe(name, () => {
      const before = readFileSync(join(FIXTURES, `${name}.Dockerfile`), 'utf8');
      const expected = EXPECTED[name];
      const offers = offersOf(before);
      const golden = join(FIXTURES, `${name}.expected.Dockerfile`);

      if (expected === 'none') {
        it('offers nothing', () => {
          assert.deepEqual(offers.map((offer) => offer.id), []);
          assert.ok(!existsSync(golden), 'no golden output for a fixture that is offered nothing');
        });
        return;
      }

      it(`offers ${expected} only, not safe, resolving the final-image and root-user rules`, () => {
        assert.deepEqual(offers.map((offer) => offer.id), [expected]);
        const offer = offers[0]!;
        assert.equal(offer.safe, false);
        assert.deepEqual([...offer.resolves].sort(), RESOLVED);
        assert.deepEqual(offer.range, { start: 0, end: before.length });
      });

      const offer = offers[0];
      if (!offer) return;
      const after = applyEdits(before, offer.edits);

      it('produces the golden output', () => {
        if (process.env.UPDATE_GOLDEN) writeFileSync(golden, after);
        assert.equal(after, readFileSync(golden, 'utf8'));
      });

      it('keeps every line outside the edits byte-identical, and the line endings', () => {
        assertUntouchedLinesKept(before, after, offer.edits);
        if (before.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
        else assert.ok(!after.includes('\r'), 'LF kept');
      });

      it('analyses without problems, resolves its rules and adds nothing at warning or above', () => {
        assert.deepEqual(analyzed(after).problems, []);
        const resolvedLeft = analyzed(after).findings.filter((finding) => RESOLVED.includes(finding.ruleId));
        assert.deepEqual(resolvedLeft.map((finding) => finding.message), []);
        const was = seriousByRule(before);
        for (const [ruleId, count] of seriousByRule(after)) {
          assert.ok(count <= (was.get(ruleId) ?? 0), `${ruleId}: ${count} finding(s) at warning or above after, ${was.get(ruleId) ?? 0} before`);
        }
      });

      it('is offered nothing the second time', () => {
        const again = offersOf(after);
        assert.ok(again.every((offer) => applyEdits(after, offer.edits) === after), `offered again: ${again.map((offer) => offer.id).join(', ')}`);
      });
    });
  }
});

describe('refactoring dockerfile/distroless: minimal edits', () => {
  it('inserts ` AS build` after the image and appends the runtime stage, nothing else', () => {
    const text = 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nCMD ["/out/app"]\n';
    const [offer] = offersOf(text);
    assert.ok(offer);
    assert.deepEqual(
      offer.edits.map((edit) => ({ start: edit.start, end: edit.end })),
      [{ start: 'FROM golang:1.23'.length, end: 'FROM golang:1.23'.length }, { start: text.length, end: text.length }],
    );
  });

  it('keeps an existing stage name and a BOM', () => {
    const text = '\uFEFFFROM rust:1.82 AS compile\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nCMD ["/app/target/release/svc"]\n';
    const [offer] = refactorsOf({ fileName: 'Dockerfile', text }).filter((candidate) => IDS.has(candidate.id));
    assert.ok(offer);
    const after = applyEdits(text, offer.edits);
    assert.ok(after.startsWith('\uFEFFFROM rust:1.82 AS compile\n'));
    assert.match(after, /\nFROM gcr\.io\/distroless\/cc-debian12:nonroot\nWORKDIR \/app\nCOPY --from=compile \/app\/target\/release\/svc \/app\/target\/release\/svc\n/);
  });

  it('offers nothing for stages that need OS libraries at run time, ONBUILD images, or unsupported versions', () => {
    assert.deepEqual(offersOf('FROM golang:1.23\nRUN apt-get update && apt-get install -y libsqlite3-dev\nRUN go build -o /app .\nCMD ["/app"]\n'), []);
    assert.deepEqual(offersOf('FROM golang:1.23\nONBUILD COPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nCMD ["/app"]\n'), []);
    assert.deepEqual(offersOf('FROM eclipse-temurin:11\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n').map((offer) => offer.id), ['dockerfile/alpine-nonroot']);
    assert.deepEqual(offersOf('FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n'), []);
    assert.deepEqual(offersOf('FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nCMD ["/entrypoint.sh"]\n'), []);
    // A final stage whose HEALTHCHECK needs curl, or that runs commands, cannot move to distroless.
    const build = 'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n\n';
    assert.deepEqual(offersOf(`${build}FROM golang:1.23\nCOPY --from=build /out/app /app\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["/app"]\n`), []);
    assert.deepEqual(offersOf(`${build}FROM golang:1.23\nRUN apt-get update\nCOPY --from=build /out/app /app\nCMD ["/app"]\n`), []);
  });
});

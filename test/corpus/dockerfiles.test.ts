/**
 * Every Dockerfile of the realistic corpus (test/fixtures/corpus/dockerfiles/) analysed with the
 * default rule set, whatever rules it holds today: no rule throws, ranges are sane, every fix
 * applies cleanly and leaves a Dockerfile that still parses, and the files written as a security
 * reviewer would (`hardened-*`) get no warning or error at all.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/core/dockerfile/model';
import { analyze, applyEdits, DEFAULT_RULE_SET, mergeNonOverlapping, type Finding, type OffsetRange } from '../../server/src/core/index';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'dockerfiles');
const files = readdirSync(CORPUS).filter((name) => /\.(Dockerfile|Containerfile)$/.test(name)).sort();

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function describeFinding(text: string, finding: Finding): string {
  return `${finding.ruleId} (${finding.severity}) at ${lineColumn(text, finding.range.start)}: ${finding.message}`;
}

/** Shell scripts of RUN instructions that do not parse (Windows PowerShell files have some). */
function shellErrors(text: string): number {
  return parseDockerfile(text).instructions.filter((instruction) => instruction.shell?.error !== undefined).length;
}

function assertRangeSane(text: string, range: OffsetRange, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: offsets are integers`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `${what}: range [${range.start}, ${range.end}) inside the file (${text.length})`);
  if (range.start === range.end) {
    // A point: at the start or the end of a line.
    const atLineStart = range.start === 0 || text[range.start - 1] === '\n';
    const atLineEnd = range.start === text.length || text[range.start] === '\n' || text[range.start] === '\r';
    assert.ok(atLineStart || atLineEnd, `${what}: a zero-length range must sit at a line start or end (${lineColumn(text, range.start)})`);
  } else {
    assert.match(text.slice(range.start, range.end), /\S/, `${what}: a range must cover more than whitespace`);
  }
}

describe('Dockerfile corpus with the default rule set', () => {
  it('has a realistic corpus, some of it hardened', () => {
    assert.ok(files.length >= 30, `only ${files.length} corpus files`);
    assert.ok(files.filter((name) => name.startsWith('hardened-')).length >= 8);
  });

  for (const name of files) {
    describe(name, () => {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const result = analyze({ fileName: name, text }, { rules: DEFAULT_RULE_SET });

      it('is analysed as a Dockerfile without problems', () => {
        assert.equal(result.kind, 'dockerfile');
        assert.deepEqual(result.problems, [], 'no rule throws and nothing fails to parse');
      });

      it('reports sane ranges', () => {
        for (const finding of result.findings) {
          const what = describeFinding(text, finding);
          assertRangeSane(text, finding.range, what);
          for (const related of finding.related ?? []) assertRangeSane(text, related.range, `${what}, related "${related.message}"`);
          for (const edit of finding.fix?.edits ?? []) {
            assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `${what}: fix edit inside the file`);
          }
        }
      });

      it('has fixes that apply cleanly, alone and together, and still parse', () => {
        const before = shellErrors(text);
        const check = (fixed: string, what: string) => {
          const again = analyze({ fileName: name, text: fixed }, { rules: DEFAULT_RULE_SET });
          assert.deepEqual(again.problems, [], `${what}: the fixed file analyses without problems`);
          assert.ok(shellErrors(fixed) <= before, `${what}: the fix must not break a RUN script`);
          assert.ok(parseDockerfile(fixed).stages.length === parseDockerfile(text).stages.length, `${what}: the fix keeps every stage`);
        };
        const fixes = result.findings.filter((finding) => finding.fix);
        for (const finding of fixes) {
          const what = `fix of ${describeFinding(text, finding)}`;
          let fixed = '';
          assert.doesNotThrow(() => {
            fixed = applyEdits(text, finding.fix!.edits);
          }, `${what}: its edits overlap`);
          check(fixed, what);
        }
        if (fixes.length > 1) {
          const merged = mergeNonOverlapping(fixes.map((finding) => finding.fix!.edits));
          check(applyEdits(text, merged), 'all fixes together');
        }
      });

      if (name.startsWith('hardened-')) {
        it('gets no warning or error (hardened)', () => {
          const serious = result.findings.filter((finding) => finding.severity !== 'info');
          assert.deepEqual(serious.map((finding) => describeFinding(text, finding)), []);
        });
      }
    });
  }
});

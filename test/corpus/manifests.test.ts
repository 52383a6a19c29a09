/**
 * Kubernetes manifests of the realistic corpus (test/fixtures/corpus/manifests/) analysed with the
 * default rule set, whatever rules it holds today: no rule throws, fixes apply and re-parse, and
 * the files written as a security reviewer would (`hardened-*`, PSS restricted and more) get no
 * warning or error at all. A generated multi-document file of about 2,000 lines is analysed too.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, DEFAULT_RULE_SET, mergeNonOverlapping, SEVERITY_ORDER, type AnalysisResult, type Finding } from '../../server/src/core/index';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'manifests');
const files = readdirSync(CORPUS).filter((name) => /\.ya?ml$/.test(name)).sort();

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function describeFinding(text: string, finding: Finding): string {
  return `${finding.ruleId} (${finding.severity}) at line ${lineOf(text, finding.range.start)}: ${finding.message}`;
}

function analyzeManifest(fileName: string, text: string): AnalysisResult {
  return analyze({ fileName, text }, { rules: DEFAULT_RULE_SET });
}

describe('Kubernetes manifest corpus with the default rule set', () => {
  it('has the three hardened workloads', () => {
    for (const name of ['hardened-deployment.yaml', 'hardened-cronjob.yaml', 'hardened-statefulset.yaml']) assert.ok(files.includes(name), `${name} is missing`);
  });

  for (const name of files) {
    describe(name, () => {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      const result = analyzeManifest(name, text);

      it('is analysed as Kubernetes without problems', () => {
        assert.equal(result.kind, 'kubernetes');
        assert.deepEqual(result.problems, [], 'no rule throws and nothing fails to parse');
      });

      it('reports ranges inside the file, and fixes that apply and re-parse', () => {
        for (const finding of result.findings) {
          const { start, end } = finding.range;
          assert.ok(start >= 0 && start <= end && end <= text.length, `${describeFinding(text, finding)}: range inside the file`);
        }
        let current = text;
        for (let pass = 0; pass < 10; pass++) {
          const fixes = analyzeManifest(name, current).findings.flatMap((finding) => (finding.fix ? [finding.fix.edits] : []));
          if (fixes.length === 0) break;
          current = applyEdits(current, mergeNonOverlapping(fixes));
        }
        assert.deepEqual(analyzeManifest(name, current).problems, [], 'the fixed file analyses without problems');
      });

      if (name.startsWith('hardened-')) {
        it('gets no warning or error', () => {
          const serious = result.findings.filter((finding) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER.warning);
          assert.deepEqual(serious.map((finding) => describeFinding(text, finding)), []);
        });
      }
    });
  }

  it('analyses a generated multi-document file of about 2,000 lines without problems', () => {
    const hardened = readFileSync(join(CORPUS, 'hardened-deployment.yaml'), 'utf8');
    const legacy = readFileSync(join(CORPUS, 'legacy-node-agent.yaml'), 'utf8');
    const documents: string[] = [];
    let lines = 0;
    for (let index = 0; lines < 2000; index++) {
      const source = index % 3 === 2 ? legacy : hardened;
      const renamed = source.replace(/name: (payments-api|node-agent|debug)\b/g, `name: $1-${index}`);
      documents.push(renamed.trimEnd());
      lines += renamed.split('\n').length;
    }
    const text = `${documents.join('\n---\n')}\n`;
    assert.ok(text.split('\n').length >= 2000);
    const started = performance.now();
    const result = analyzeManifest('generated.yaml', text);
    const elapsed = performance.now() - started;
    assert.equal(result.kind, 'kubernetes');
    assert.deepEqual(result.problems, []);
    assert.ok(result.findings.length > 0, 'the legacy documents are reported');
    assert.ok(elapsed < 20000, `analysis took ${Math.round(elapsed)} ms`);
  });
});

/**
 * The rule pages under docs/rules/, their index and the README rule table are generated from
 * rule metadata (`npm run docs`). This renders them in memory from ALL_RULES, as they are now,
 * and fails when the files on disk drift.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  EXAMPLES_MARKER,
  handWrittenPart,
  isGeneratedPage,
  renderDocsTree,
  renderReadmeTable,
  renderRuleDoc,
  renderRulePage,
  replaceReadmeTable,
  README_END,
  README_START,
} from '../../server/src/cli/rule-docs';
import { ALL_RULES, PEER_NAMES, type RuleMeta } from '../../server/src/core/index';

const root = join(import.meta.dirname, '..', '..');
const metas = ALL_RULES.map((rule) => rule.meta);

function read(path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** The first differing line, so a failure says where the drift is. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let index = 0; index < Math.max(a.length, e.length); index++) {
    if (a[index] !== e[index]) return `line ${index + 1}: on disk ${JSON.stringify(a[index] ?? '<end of file>')}, expected ${JSON.stringify(e[index] ?? '<end of file>')}`;
  }
  return 'no difference';
}

describe('generated docs are up to date with rule metadata', () => {
  const expected = renderDocsTree(metas, read);

  it('has a page for every rule, matching its metadata', () => {
    const drift: string[] = [];
    for (const [path, text] of expected) {
      const actual = read(path);
      if (actual === undefined) drift.push(`${path} is missing`);
      else if (actual !== text) drift.push(`${path} differs at ${firstDifference(actual, text)}`);
    }
    assert.deepEqual(drift, [], `docs drifted from rule metadata; run \`npm run docs\`:\n${drift.join('\n')}`);
  });

  it('has no generated page for a rule that no longer exists', () => {
    const docsRoot = join(root, 'docs', 'rules');
    const stale = existsSync(docsRoot)
      ? readdirSync(docsRoot, { recursive: true })
          .map((entry) => `docs/rules/${String(entry).split('\\').join('/')}`)
          .filter((path) => path.endsWith('.md') && !expected.has(path) && isGeneratedPage(read(path) ?? ''))
      : [];
    assert.deepEqual(stale, [], 'run `npm run docs` to remove pages of rules that no longer exist');
  });

  it('updates the README rule table when the README has the markers', () => {
    const readme = read('README.md');
    if (readme === undefined || !readme.includes(README_START)) return;
    assert.ok(expected.has('README.md'));
    for (const meta of metas) assert.ok(readme.includes(`docs/rules/${meta.id}.md`), `README table lacks ${meta.id}`);
  });
});

describe('rule documentation rendering', () => {
  const sample: RuleMeta = {
    id: 'k8s/sample-rule',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'A sample | with a pipe',
    rationale: 'Why.',
    remediation: 'How.',
    messages: { one: 'Message {name}.' },
    fix: 'safe',
    equivalents: { checkov: ['CKV_K8S_1'], 'kube-linter': ['sample'] },
    references: ['https://example.com/ref', 'CIS 1.2.3'],
  };

  it('renders the header from metadata: id, title, severity, fix, rationale, remediation, messages, equivalents, references', () => {
    const doc = renderRuleDoc(sample);
    for (const part of ['# k8s/sample-rule', 'A sample | with a pipe', 'warning', 'safe', 'Why.', 'How.', '`one`: Message {name}.', '| checkov | `CKV_K8S_1` |', '| kube-linter | `sample` |', '<https://example.com/ref>', '- CIS 1.2.3', 'bulkhead.dev/ignore']) {
      assert.ok(doc.includes(part), `missing ${part}`);
    }
    assert.ok(!doc.includes('Trivy |'), 'peers without ids are left out');
  });

  it('keeps the hand-written part below the examples marker', () => {
    const examples = '## Examples\n\nHand-written.\n';
    const page = renderRulePage(sample, `old generated text\n${EXAMPLES_MARKER}\n${examples}`);
    assert.ok(page.endsWith(`${EXAMPLES_MARKER}\n${examples}`));
    assert.equal(handWrittenPart(page), examples);
    assert.ok(isGeneratedPage(page));
    // Without a previous page (or marker) there is nothing hand-written to keep.
    assert.ok(renderRulePage(sample).endsWith(`${EXAMPLES_MARKER}\n`));
    assert.ok(renderRulePage(sample, 'no marker here').endsWith(`${EXAMPLES_MARKER}\n`));
  });

  it('replaces only what is between the README markers', () => {
    const readme = `# Title\n\nBefore.\n\n${README_START}\nold table\n${README_END}\n\nAfter.\n`;
    const updated = replaceReadmeTable(readme, renderReadmeTable([sample]))!;
    assert.ok(updated.startsWith(`# Title\n\nBefore.\n\n${README_START}\n| Rule |`));
    assert.ok(updated.endsWith(`${README_END}\n\nAfter.\n`));
    assert.ok(!updated.includes('old table'));
    assert.ok(updated.includes('[`k8s/sample-rule`](docs/rules/k8s/sample-rule.md)'));
    assert.ok(updated.includes('A sample \\| with a pipe'), 'pipes in cells are escaped');
    assert.equal(replaceReadmeTable('# no markers\n', 'table'), undefined);
  });

  it('mentions every equivalent of every shipped rule on its page', () => {
    for (const meta of metas) {
      const doc = renderRuleDoc(meta);
      for (const peer of PEER_NAMES) for (const id of meta.equivalents[peer] ?? []) assert.ok(doc.includes(id), `${meta.id}: ${peer} ${id}`);
    }
  });
});

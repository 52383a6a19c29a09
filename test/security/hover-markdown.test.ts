/**
 * Hovers are markdown, and finding messages quote the user's files. A quoted value must never be
 * rendered as markdown: an image (`![x](https://…)`) or HTML `<img>` in a hover would make the
 * editor fetch a URL chosen by whoever wrote the file, just because a finding was hovered.
 * Rendered with `marked`, the markdown library VS Code renders hovers with (here: the copy
 * @vscode/vsce depends on).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { marked } from 'marked';
import { analyze, DEFAULT_RULE_SET } from '../../server/src/core/index';
import { describeFinding, escapeMarkdown } from '../../server/src/lsp/hover';

const render = (markdown: string) => marked.parse(markdown, { async: false });
/**
 * What a hover must not contain once rendered: anything the editor would load by itself, or
 * markup from the file. (A bare URL in a message may become a link: it loads nothing until
 * clicked, and VS Code asks before opening it.)
 */
const ACTIVE = /<(img|iframe|video|audio|source|object|embed|svg|script|style|link|picture|input|form)\b/i;
/** Any link: punctuation outside code spans is escaped, so not even a bare URL becomes one. */
const MARKUP_LINK = /<a\b/;

describe('hover markdown: text from files is never rendered as markup', () => {
  it('a Pod whose container name smuggles an image through backticks', () => {
    for (const name of ['`![t](https://evil.example/t.png)', 'a`![t](https://evil.example/t.png)`b', 'x``![t](https://evil.example/t.png)``y', 'q` <img src=https://evil.example/i.png> `']) {
      const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  containers:\n    - name: ${JSON.stringify(name)}\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n`;
      const finding = analyze({ fileName: 'pod.yaml', text }, { rules: DEFAULT_RULE_SET }).findings.find((candidate) => candidate.ruleId === 'k8s/privileged-container');
      assert.ok(finding, name);
      const html = render(describeFinding(finding));
      assert.doesNotMatch(html, /<img\b/i, `${name}\n${html}`);
      assert.match(html, /<a href="https:\/\/github\.com\/bulkhead-dev\/bulkhead\/blob\/main\/docs\/rules\/k8s\/privileged-container\.md">Documentation<\/a>/);
    }
  });

  it('any message built from code spans and hostile values renders without images, links or HTML', () => {
    const hostile = fc.constantFrom('`', '``', '\\', '![i](https://e.example/i.png)', '[l](https://e.example)', '<img src=https://e.example/i.png>', '<https://e.example>', '*', '_', ' ', 'a', '#', '!', '[', ']', '(', ')', '\n', '\r\n', '    ', '&lt;img src=x&gt;', 'www.e.example', 'a@e.example', '~~', '|', ':', '>');
    const value = fc.array(hostile, { maxLength: 12 }).map((parts) => parts.join(''));
    // Like a rule's message: text with `{value}` spans, the values quoted from a file.
    const message = fc.array(fc.tuple(fc.constantFrom('Container ', ' in Pod ', ' runs ', ': '), value), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([text, quoted]) => `${text}\`${quoted}\``).join(''));
    fc.assert(
      fc.property(fc.oneof(message, value), (text) => {
        const html = render(escapeMarkdown(text));
        const outsideCode = html.replace(/<code>[\s\S]*?<\/code>/g, '');
        return !ACTIVE.test(outsideCode) && !MARKUP_LINK.test(outsideCode);
      }),
      { numRuns: 3000 },
    );
  });

  it('ordinary messages keep their code spans', () => {
    assert.equal(render(escapeMarkdown('Container `app` sets `privileged: true` [sic] *here*')).trim(), '<p>Container <code>app</code> sets <code>privileged: true</code> [sic] *here*</p>');
  });
});

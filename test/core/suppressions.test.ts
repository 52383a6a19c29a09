import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/engine/line-index';
import { findSuppressions, isSuppressed } from '../../server/src/core/engine/suppressions';

const find = (text: string, extent?: (line: number) => number) => findSuppressions(text, new LineIndex(text), extent);

describe('suppression comments', () => {
  it('a comment line covers the next content line', () => {
    const [suppression] = find('FROM a\n# bulkhead-ignore dockerfile/user-root\n\nUSER root\n');
    assert.deepEqual(suppression?.ruleIds, ['dockerfile/user-root']);
    assert.equal(suppression?.firstLine, 3);
    assert.equal(suppression?.lastLine, 3);
  });

  it('an end-of-line comment covers its own line', () => {
    const [suppression] = find('a: 1\nprivileged: true  # bulkhead-ignore k8s/privileged-container\n');
    assert.equal(suppression?.firstLine, 1);
    assert.equal(suppression?.range.start, 'a: 1\nprivileged: true  '.length);
  });

  it('reads several ids, separated by commas or spaces, and a reason after --', () => {
    const [suppression] = find('# bulkhead-ignore a/b, c/d e/f -- vendored image, tracked in JIRA-1\nx\n');
    assert.deepEqual(suppression?.ruleIds, ['a/b', 'c/d', 'e/f']);
    assert.equal(suppression?.reason, 'vendored image, tracked in JIRA-1');
  });

  it('without ids it covers every rule', () => {
    const suppressions = find('# bulkhead-ignore\nx\n');
    assert.equal(suppressions[0]?.ruleIds, 'all');
    assert.ok(isSuppressed(suppressions, 'any/rule', 1));
  });

  it('bulkhead-ignore-file covers the whole file', () => {
    const suppressions = find('a\nb\n# bulkhead-ignore-file k8s/x\nc\n');
    assert.ok(isSuppressed(suppressions, 'k8s/x', 0));
    assert.ok(isSuppressed(suppressions, 'k8s/x', 3));
    assert.equal(isSuppressed(suppressions, 'k8s/y', 3), undefined);
  });

  it('the file kind can widen a suppression to a whole multi-line instruction', () => {
    const suppressions = find('# bulkhead-ignore r/x\nRUN a \\\n  b \\\n  c\nRUN d\n', (line) => (line === 1 ? 3 : line));
    assert.ok(isSuppressed(suppressions, 'r/x', 3));
    assert.equal(isSuppressed(suppressions, 'r/x', 4), undefined);
  });

  it('ignores the marker outside comments and look-alike words', () => {
    assert.deepEqual(find('value: "bulkhead-ignore r/x"\n'), []);
    assert.deepEqual(find('# bulkhead-ignored r/x\nx\n'), []);
    assert.deepEqual(find('url: http://x#bulkhead-ignore\n'), []);
  });

  it('handles CRLF line ends', () => {
    const suppressions = find('# bulkhead-ignore r/x\r\nUSER root\r\n');
    assert.deepEqual(suppressions[0]?.ruleIds, ['r/x']);
    assert.ok(isSuppressed(suppressions, 'r/x', 1));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/core/engine/edits';
import { insertWordAfter, removeWord } from '../../server/src/core/dockerfile/word-edits';

const remove = (text: string, word: string, occurrence = 0) => {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(word, at + 1);
  return applyEdits(text, [removeWord(text, { start: at, end: at + word.length })]);
};

describe('Dockerfile word edits', () => {
  it('removes a word with the blanks after it', () => {
    assert.equal(remove('RUN curl -k https://x', '-k'), 'RUN curl https://x');
  });
  it('removes the last word of a line with the blanks before it', () => {
    assert.equal(remove('RUN apk add --allow-untrusted\nRUN x', '--allow-untrusted'), 'RUN apk add\nRUN x');
  });
  it('keeps a line continuation and one blank before it', () => {
    assert.equal(remove('RUN pip install --trusted-host   \\\n  x', '--trusted-host'), 'RUN pip install \\\n  x');
  });
  it('inserts a word after another', () => {
    const text = 'RUN apt-get install -y curl';
    const at = text.indexOf('install');
    assert.equal(applyEdits(text, [insertWordAfter({ start: at, end: at + 7 }, '--no-install-recommends')]), 'RUN apt-get install --no-install-recommends -y curl');
  });
});

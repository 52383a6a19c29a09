/** Refactorings on half-typed text: every truncation of real fixtures offers or not, never throws. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { refactorsOf } from '../../server/src/core/index';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const samples = [
  'rules/k8s/deprecated-sa-field/fail-flow.yaml',
  'rules/k8s/allow-privilege-escalation/fail-crlf.yaml',
  'rules/k8s/host-path-volume/fail-multi-document.yaml',
  ...readdirSync(join(FIXTURES, 'corpus', 'dockerfiles')).slice(0, 8).map((name) => `corpus/dockerfiles/${name}`),
];

describe('refactorings on half-typed text', () => {
  for (const sample of samples) {
    it(`never throw on any truncation of ${sample}`, () => {
      const text = readFileSync(join(FIXTURES, sample), 'utf8');
      const fileName = sample.endsWith('.yaml') ? 'manifest.yaml' : 'Dockerfile';
      for (let end = 0; end <= text.length; end += 3) {
        assert.doesNotThrow(() => refactorsOf({ fileName, text: text.slice(0, end) }), `truncated at ${end}`);
      }
    });
  }
});

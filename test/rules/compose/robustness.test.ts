import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/index';
import { COMPOSE_RULES } from '../../../server/src/core/rules/compose/index';

const rules = { dockerfile: [], kubernetes: [], compose: COMPOSE_RULES };
const config = { rules: Object.fromEntries(COMPOSE_RULES.filter((rule) => rule.meta.optIn).map((rule) => [rule.meta.id, 'info' as const])) };

/** Odd but parseable Compose: every rule must judge what it can and never throw. */
const SAMPLES: Record<string, string> = {
  'wrong value types': 'services:\n  a:\n    volumes: 5\n    ports: {a: 1}\n    environment: "X=1"\n    security_opt: no-new-privileges\n    cap_add: SYS_ADMIN\n    cap_drop:\n    user: [root]\n    privileged: [true]\n    deploy: 3\n    restart: 5\n    image: [x]\n',
  'null and nested junk items': 'services:\n  a:\n    volumes: [~, [a], {}, "", ":", "::::"]\n    ports: [~, [1], {}, "", ":", "a:b:c:d:e", "[::1", "/tcp"]\n    environment: [~, "=", "=x", {A: 1}]\n    security_opt: [~, 1, ":", "="]\n    devices: [~, {}, 1]\n    volumes_from: [~, 1]\n',
  'merge of a scalar, a missing alias target, a merge list with junk': 'x: &x 5\nservices:\n  a:\n    <<: *x\n  b:\n    <<: [*x, 3, ~]\n  c:\n    <<: {privileged: true}\n',
  'aliases everywhere': 'x-v: &v /var/run/docker.sock:/var/run/docker.sock\nx-l: &l [*v]\nservices:\n  a:\n    volumes: *l\n    image: &i nginx\n  b:\n    volumes: [*v]\n    image: *i\n',
  'half-typed': 'services:\n  a:\n    volumes:\n      - type: bind\n        source:\n    ports:\n      - target:\n    security_opt: [\n',
};

describe('compose rules on odd input', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`never throw: ${name}`, () => {
      const result = analyze({ fileName: 'compose.yaml', text }, { rules, config });
      assert.deepEqual(result.problems.filter((problem) => problem.kind === 'internal'), []);
    });
  }

  it('judge what they can through anchors and merges', () => {
    const result = analyze({ fileName: 'compose.yaml', text: SAMPLES['aliases everywhere']! }, { rules, config });
    assert.equal(result.findings.filter((finding) => finding.ruleId === 'compose/docker-socket').length, 2);
    const merged = analyze({ fileName: 'compose.yaml', text: SAMPLES['merge of a scalar, a missing alias target, a merge list with junk']! }, { rules, config });
    assert.equal(merged.findings.filter((finding) => finding.ruleId === 'compose/privileged').length, 1);
  });
});

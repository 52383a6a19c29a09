import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/index';
import { COMPOSE_RULES } from '../../../server/src/core/rules/compose/index';

const rules = { dockerfile: [], kubernetes: [], compose: COMPOSE_RULES };
const ruleIdsOf = (fileName: string, text: string) => analyze({ fileName, text }, { rules }).findings.map((finding) => finding.ruleId).sort();

describe('Compose fragments (a service with neither image nor build, merged onto one defined elsewhere)', () => {
  it('are not told what they lack: an override file tweaking a service gets nothing', () => {
    assert.deepEqual(ruleIdsOf('docker-compose.override.yml', 'services:\n  web:\n    environment:\n      DEBUG: "1"\n'), []);
    assert.deepEqual(ruleIdsOf('compose.yaml', 'services:\n  worker:\n    extends: {file: common.yml, service: base}\n    command: [worker]\n'), []);
  });

  it('are judged on what they set', () => {
    const text = 'services:\n  web:\n    privileged: true\n    read_only: false\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n';
    assert.deepEqual(ruleIdsOf('docker-compose.override.yml', text), ['compose/docker-socket', 'compose/privileged', 'compose/read-only-missing']);
  });

  it('are only services without image and build: a complete service in an override file is told what it lacks', () => {
    const missing = ruleIdsOf('docker-compose.override.yml', 'services:\n  debug:\n    image: ghcr.io/acme/debug:1.0.0\n');
    assert.ok(missing.includes('compose/read-only-missing') && missing.includes('compose/cap-drop-missing'), missing.join(', '));
    assert.ok(ruleIdsOf('compose.yaml', 'services:\n  app:\n    build: .\n').includes('compose/read-only-missing'));
  });

  it('in every rule\'s documented example: the service without its image loses the missing-setting findings only', () => {
    for (const { meta } of COMPOSE_RULES) {
      for (const id of meta.missingMessages ?? []) assert.ok(id in meta.messages, `${meta.id}: ${id} is not one of its messages`);
      const example = meta.example!.insecure;
      const fragment = example.replace(/^ +image: .*\n/m, '');
      assert.notEqual(fragment, example, `${meta.id}: its example has an image line`);
      const findingsOf = (text: string) =>
        analyze({ fileName: 'compose.yaml', text }, { rules: { ...rules, compose: COMPOSE_RULES.filter((rule) => rule.meta.id === meta.id) }, config: { rules: { [meta.id]: 'info' } } }).findings;
      const whole = findingsOf(example);
      assert.ok(whole.length > 0, `${meta.id}: its example is reported`);
      const imageLine = /^ +image: .*$/m.exec(example)!;
      // A finding about the image itself (image-latest) goes with it.
      const judged = whole.filter((finding) => finding.range.end <= imageLine.index || finding.range.start >= imageLine.index + imageLine[0].length);
      const missing = new Set(meta.missingMessages ?? []);
      assert.deepEqual(
        findingsOf(fragment).map((finding) => finding.messageId),
        judged.filter((finding) => !missing.has(finding.messageId)).map((finding) => finding.messageId),
        `${meta.id}: on the fragment`,
      );
    }
  });
});

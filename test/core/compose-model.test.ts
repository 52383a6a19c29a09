import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeFileOf, isComposeFileName, looksLikeCompose } from '../../server/src/core/compose/model';
import { parseYamlFile } from '../../server/src/core/yaml/yaml-document';

describe('compose model', () => {
  it('recognises Compose file names', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.prod.yaml', 'compose.override.yml', 'deploy/docker-compose-dev.yml']) {
      assert.ok(isComposeFileName(name), name);
    }
    for (const name of ['composer.yaml', 'k8s/deployment.yaml', 'compose.json']) assert.ok(!isComposeFileName(name), name);
  });

  it('lists services with the range of their names, leaving ${VAR} interpolation alone', () => {
    const text = 'services:\n  web:\n    image: "nginx:${TAG:-1.27}"\n  db:\n    image: postgres:16\nvolumes: {}\n';
    const compose = composeFileOf(parseYamlFile(text));
    assert.deepEqual(compose.services.map((service) => service.name), ['web', 'db']);
    const db = compose.services[1]!;
    assert.equal(text.slice(db.nameRange.start, db.nameRange.end), 'db');
  });

  it('recognises Compose content by a services map of maps only', () => {
    const [compose] = parseYamlFile('services:\n  web:\n    image: nginx\n').documents;
    const [notCompose] = parseYamlFile('services:\n  - web\n').documents;
    assert.ok(looksLikeCompose(compose!));
    assert.ok(!looksLikeCompose(notCompose!));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference, splitImageReference } from '../../server/src/core/images/image-reference';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('image references', () => {
  it('splits registry, path, tag and digest', () => {
    assert.deepEqual(splitImageReference('node'), { registry: undefined, path: 'node', tag: undefined, digest: undefined });
    assert.deepEqual(splitImageReference('node:22-alpine'), { registry: undefined, path: 'node', tag: '22-alpine', digest: undefined });
    assert.deepEqual(splitImageReference('library/node:22'), { registry: undefined, path: 'library/node', tag: '22', digest: undefined });
    assert.deepEqual(splitImageReference('docker.io/library/node:22'), { registry: 'docker.io', path: 'library/node', tag: '22', digest: undefined });
    assert.deepEqual(splitImageReference('ghcr.io/org/team/app/api:v1.2.3'), { registry: 'ghcr.io', path: 'org/team/app/api', tag: 'v1.2.3', digest: undefined });
    assert.deepEqual(splitImageReference(`alpine@${DIGEST}`), { registry: undefined, path: 'alpine', tag: undefined, digest: DIGEST });
    assert.deepEqual(splitImageReference(`alpine:3.20@${DIGEST}`), { registry: undefined, path: 'alpine', tag: '3.20', digest: DIGEST });
  });

  it('does not read a registry port as a tag', () => {
    assert.deepEqual(splitImageReference('host:5000/img'), { registry: 'host:5000', path: 'img', tag: undefined, digest: undefined });
    assert.deepEqual(splitImageReference('host:5000/team/img:1.0'), { registry: 'host:5000', path: 'team/img', tag: '1.0', digest: undefined });
    assert.deepEqual(splitImageReference(`10.0.0.1:5000/img:latest@${DIGEST}`), { registry: '10.0.0.1:5000', path: 'img', tag: 'latest', digest: DIGEST });
  });

  it('knows localhost is a registry and a first component without . or : is not', () => {
    assert.equal(splitImageReference('localhost/img').registry, 'localhost');
    assert.deepEqual(splitImageReference('localhost:5000/img:dev'), { registry: 'localhost:5000', path: 'img', tag: 'dev', digest: undefined });
    assert.deepEqual(splitImageReference('myorg/img'), { registry: undefined, path: 'myorg/img', tag: undefined, digest: undefined });
  });

  it('locates the tag in the written text, also after a variable registry', () => {
    const range = { start: 100, end: 100 + 'node:latest'.length };
    const plain = parseImageReference('node:latest', 'node:latest', range, false, false);
    assert.deepEqual(plain.tagRange, { start: 105, end: 111 });
    const digested = parseImageReference(`node:latest@${DIGEST}`, `node:latest@${DIGEST}`, { start: 0, end: 83 }, false, false);
    assert.deepEqual(digested.tagRange, { start: 5, end: 11 });
    const variableRegistry = parseImageReference('${REG}/node:latest', 'ghcr.io/node:latest', { start: 0, end: 18 }, false, false);
    assert.deepEqual(variableRegistry.tagRange, { start: 12, end: 18 });
    const variableTag = parseImageReference('node:${TAG}', 'node:latest', { start: 0, end: 11 }, false, false);
    assert.equal(variableTag.tagRange, undefined);
  });

  it('recognises scratch and carries the unresolved and stage flags', () => {
    assert.equal(parseImageReference('scratch', 'scratch', { start: 0, end: 7 }, false, false).isScratch, true);
    const reference = parseImageReference('$BASE', '', { start: 0, end: 5 }, true, false);
    assert.equal(reference.unresolved, true);
    assert.equal(parseImageReference('build', 'build', { start: 0, end: 5 }, false, true).isStageReference, true);
  });
});

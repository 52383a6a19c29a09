/** `.bulkhead.yaml`: what applies, and every problem at its exact range (SPEC §3). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigFile, UNUSED_SUPPRESSION_CODE } from '../../server/src/core/index';

const at = (text: string, part: string) => {
  const start = text.indexOf(part);
  assert.ok(start >= 0, part);
  return { start, end: start + part.length };
};

describe('.bulkhead.yaml', () => {
  it('reads rules, exclude, trustedRegistries and kubernetesVersion', () => {
    const text = 'rules:\n  dockerfile/user-root: error\n  k8s/privileged-container: off\n  bulkhead/unused-suppression: warning\nexclude: [vendor/, "**/*.gen.yaml"]\ntrustedRegistries:\n  - registry.example.com\n  - "*.example.com"\nkubernetesVersion: "1.29"\n';
    assert.deepEqual(parseConfigFile(text), {
      config: {
        rules: { 'dockerfile/user-root': 'error', 'k8s/privileged-container': 'off', [UNUSED_SUPPRESSION_CODE]: 'warning' },
        exclude: ['vendor/', '**/*.gen.yaml'],
        trustedRegistries: ['registry.example.com', '*.example.com'],
        kubernetesVersion: '1.29',
      },
      problems: [],
    });
  });

  it('an empty file, or one of comments only, is the defaults', () => {
    assert.deepEqual(parseConfigFile(''), { config: { exclude: [] }, problems: [] });
    assert.deepEqual(parseConfigFile('# nothing yet\n'), { config: { exclude: [] }, problems: [] });
  });

  it('reports unknown keys, unknown rules and bad severities at their ranges; the rest applies', () => {
    const text = 'rule:\n  x: y\nrules:\n  dockerfile/user-root: warn\n  user-root: error\n  k8s/privileged-container: info\n';
    const { config, problems } = parseConfigFile(text);
    assert.deepEqual(config, { rules: { 'k8s/privileged-container': 'info' }, exclude: [] });
    const userRoot = text.indexOf('  user-root') + 2;
    assert.deepEqual(problems, [
      { range: { start: 0, end: 4 }, message: "Unknown key 'rule': the configuration has rules, exclude, trustedRegistries, kubernetesVersion. Did you mean 'rules'?" },
      { range: { start: text.indexOf('warn'), end: text.indexOf('warn') + 4 }, message: "The severity of 'dockerfile/user-root' must be off, info, warning or error, not \"warn\"." },
      { range: { start: userRoot, end: userRoot + 'user-root'.length }, message: "Unknown rule 'user-root'. Did you mean 'dockerfile/user-root' or 'compose/user-root'? `bulkhead rules` lists them." },
    ]);
  });

  it('reports bad versions and lists; keeps the written form of a numeric version', () => {
    const text = 'kubernetesVersion: one-thirty\nexclude: vendor\ntrustedRegistries: [ok.example.com, 5]\n';
    const { config, problems } = parseConfigFile(text);
    assert.deepEqual(config, { exclude: [], trustedRegistries: ['ok.example.com'] });
    assert.deepEqual(problems, [
      { range: at(text, 'one-thirty'), message: '\'kubernetesVersion\' must be a Kubernetes version such as "1.31" (or "latest"), not "one-thirty".' },
      { range: { start: text.indexOf('vendor'), end: text.indexOf('vendor') + 6 }, message: "'exclude' must be a list of strings." },
      { range: { start: text.indexOf('5]'), end: text.indexOf('5]') + 1 }, message: "Items of 'trustedRegistries' must be non-empty strings." },
    ]);
    assert.equal(parseConfigFile('kubernetesVersion: 1.30\n').config.kubernetesVersion, '1.30');
    assert.equal(parseConfigFile('kubernetesVersion: latest\n').config.kubernetesVersion, 'latest');
  });

  it('reports YAML syntax errors and a root that is not a mapping', () => {
    assert.match(parseConfigFile('rules: [\n').problems[0]!.message, /^YAML syntax error/);
    assert.deepEqual(parseConfigFile('- rules\n').problems, [{ range: { start: 0, end: 8 }, message: 'The configuration must be a mapping of rules, exclude, trustedRegistries, kubernetesVersion.' }]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeFileOf, type ComposeService } from '../../server/src/core/compose/model';
import {
  composeVersion,
  isInterpolated,
  isLegacyV2,
  parsePortRange,
  parseShortPort,
  parseShortVolume,
  securityOptions,
  serviceEnvironment,
  serviceField,
  servicePorts,
  serviceVolumes,
  topLevelVolume,
} from '../../server/src/core/compose/service-fields';
import { analyze, DEFAULT_RULE_SET } from '../../server/src/core/index';
import { parseYamlFile } from '../../server/src/core/yaml/yaml-document';

function services(text: string): ComposeService[] {
  return [...composeFileOf(parseYamlFile(text)).services];
}

function one(text: string): ComposeService {
  return services(text)[0]!;
}

describe('compose service fields', () => {
  it('parses short volume syntax: host paths, named volumes, modes, Windows drives, ${VAR:-default}', () => {
    assert.deepEqual(parseShortVolume('/var/run/docker.sock:/var/run/docker.sock:ro'), { source: '/var/run/docker.sock', target: '/var/run/docker.sock', options: ['ro'] });
    assert.deepEqual(parseShortVolume('data:/var/lib/data'), { source: 'data', target: '/var/lib/data', options: [] });
    assert.deepEqual(parseShortVolume('/cache'), { source: undefined, target: '/cache', options: [] });
    assert.deepEqual(parseShortVolume('C:\\data:/data:rw,z'), { source: 'C:\\data', target: '/data', options: ['rw', 'z'] });
    assert.deepEqual(parseShortVolume('${DATA:-./data}:/data'), { source: '${DATA:-./data}', target: '/data', options: [] });
  });

  it('reads volumes in short and long syntax', () => {
    const text = [
      'services:',
      '  app:',
      '    volumes:',
      '      - ./src:/src:ro,rshared',
      '      - data:/data',
      '      - /tmp/cache',
      '      - ${HOST_DIR}:/host',
      '      - type: bind',
      '        source: /etc/ssl',
      '        target: /ssl',
      '        read_only: true',
      '        bind:',
      '          propagation: rslave',
      '      - type: tmpfs',
      '        target: /run',
      '',
    ].join('\n');
    const volumes = serviceVolumes(one(text));
    assert.deepEqual(
      volumes.map(({ syntax, type, source, target, readOnly, propagation, interpolated }) => ({ syntax, type, source, target, readOnly, propagation, interpolated })),
      [
        { syntax: 'short', type: 'bind', source: './src', target: '/src', readOnly: true, propagation: 'rshared', interpolated: false },
        { syntax: 'short', type: 'volume', source: 'data', target: '/data', readOnly: false, propagation: undefined, interpolated: false },
        { syntax: 'short', type: 'volume', source: undefined, target: '/tmp/cache', readOnly: false, propagation: undefined, interpolated: false },
        { syntax: 'short', type: 'unknown', source: '${HOST_DIR}', target: '/host', readOnly: false, propagation: undefined, interpolated: true },
        { syntax: 'long', type: 'bind', source: '/etc/ssl', target: '/ssl', readOnly: true, propagation: 'rslave', interpolated: false },
        { syntax: 'long', type: 'tmpfs', source: undefined, target: '/run', readOnly: false, propagation: undefined, interpolated: false },
      ],
    );
    assert.ok(volumes[4]!.bindMap);
  });

  it('parses short port syntax: host IPs (IPv4, IPv6), ranges, protocols, container-only', () => {
    assert.deepEqual(parseShortPort('8080:80'), { hostIp: undefined, published: '8080', target: '80', protocol: undefined });
    assert.deepEqual(parseShortPort('127.0.0.1:8080:80/udp'), { hostIp: '127.0.0.1', published: '8080', target: '80', protocol: 'udp' });
    assert.deepEqual(parseShortPort('127.0.0.1::80'), { hostIp: '127.0.0.1', published: undefined, target: '80', protocol: undefined });
    assert.deepEqual(parseShortPort('[::1]:6001:6001'), { hostIp: '::1', published: '6001', target: '6001', protocol: undefined });
    assert.deepEqual(parseShortPort('::1:6000:6000'), { hostIp: '::1', published: '6000', target: '6000', protocol: undefined });
    assert.deepEqual(parseShortPort('9090-9091:8080-8081'), { hostIp: undefined, published: '9090-9091', target: '8080-8081', protocol: undefined });
    assert.deepEqual(parseShortPort('3000'), { hostIp: undefined, published: undefined, target: '3000', protocol: undefined });
    assert.deepEqual(parsePortRange('8000-8010'), { start: 8000, end: 8010 });
    assert.deepEqual(parsePortRange(443), { start: 443, end: 443 });
    assert.equal(parsePortRange('${PORT}'), undefined);
  });

  it('reads ports in short and long syntax, marking interpolation', () => {
    const text = 'services:\n  web:\n    ports:\n      - 80\n      - "${PORT:-8080}:80"\n      - target: 443\n        published: "8443"\n        host_ip: 127.0.0.1\n        protocol: tcp\n';
    const ports = servicePorts(one(text));
    assert.deepEqual(
      ports.map(({ syntax, hostIp, published, hasPublished, target, interpolated, text: written }) => ({ syntax, hostIp, published, hasPublished, target, interpolated, written })),
      [
        { syntax: 'short', hostIp: undefined, published: undefined, hasPublished: false, target: { start: 80, end: 80 }, interpolated: false, written: '80' },
        { syntax: 'short', hostIp: undefined, published: undefined, hasPublished: true, target: { start: 80, end: 80 }, interpolated: true, written: '${PORT:-8080}:80' },
        { syntax: 'long', hostIp: '127.0.0.1', published: { start: 8443, end: 8443 }, hasPublished: true, target: { start: 443, end: 443 }, interpolated: false, written: '127.0.0.1:8443:443' },
      ],
    );
  });

  it('reads environment as a map and as a KEY=VALUE list', () => {
    const map = serviceEnvironment(one('services:\n  a:\n    environment:\n      A: "1"\n      B:\n      C: ${C}\n      D: 5\n'));
    assert.deepEqual(map.map(({ name, value, syntax, interpolated }) => ({ name, value, syntax, interpolated })), [
      { name: 'A', value: '1', syntax: 'map', interpolated: false },
      { name: 'B', value: undefined, syntax: 'map', interpolated: false },
      { name: 'C', value: '${C}', syntax: 'map', interpolated: true },
      { name: 'D', value: '5', syntax: 'map', interpolated: false },
    ]);
    const list = serviceEnvironment(one('services:\n  a:\n    environment:\n      - A=x=y\n      - B\n      - C=$$literal\n'));
    assert.deepEqual(list.map(({ name, value, syntax, interpolated }) => ({ name, value, syntax, interpolated })), [
      { name: 'A', value: 'x=y', syntax: 'list', interpolated: false },
      { name: 'B', value: undefined, syntax: 'list', interpolated: false },
      { name: 'C', value: '$$literal', syntax: 'list', interpolated: false },
    ]);
  });

  it('splits security_opt entries at the first `:` or `=`', () => {
    const options = securityOptions(one('services:\n  a:\n    security_opt: [no-new-privileges, "seccomp=unconfined", "label:type:svirt_apache_t"]\n'));
    assert.deepEqual(options.map(({ name, optionValue, index }) => ({ name, optionValue, index })), [
      { name: 'no-new-privileges', optionValue: undefined, index: 0 },
      { name: 'seccomp', optionValue: 'unconfined', index: 1 },
      { name: 'label', optionValue: 'type:svirt_apache_t', index: 2 },
    ]);
  });

  it('follows `<<` merges (single and list), the service\'s own keys winning', () => {
    const text = [
      'x-base: &base',
      '  privileged: true',
      '  user: root',
      'x-more: &more',
      '  cap_add: [SYS_ADMIN]',
      'services:',
      '  a:',
      '    <<: *base',
      '    user: "1000"',
      '  b:',
      '    <<: [*more, *base]',
      '',
    ].join('\n');
    const [a, b] = services(text);
    const privileged = serviceField(a!, 'privileged')!;
    assert.equal(privileged.inherited, true);
    assert.equal(text.slice(privileged.range.start, privileged.range.end), '<<: *base');
    assert.equal(serviceField(a!, 'user')!.inherited, false);
    assert.equal(serviceField(b!, 'cap_add')!.inherited, true);
    assert.equal(serviceField(b!, 'user')!.inherited, true);
    assert.equal(serviceField(b!, 'networks'), undefined);
  });

  it('does not loop on self-referencing merges', () => {
    const text = 'x: &x\n  <<: *x\nservices:\n  a:\n    <<: *x\n';
    assert.equal(serviceField(one(text), 'privileged'), undefined);
  });

  it('knows interpolation, the file version and top-level volumes', () => {
    assert.ok(isInterpolated('${A}') && isInterpolated('$A/x') && isInterpolated('${A:-b}'));
    assert.ok(!isInterpolated('$$A') && !isInterpolated('plain'));
    const service = one('version: "2.4"\nservices:\n  a:\n    image: x\nvolumes:\n  data:\n    driver_opts: {o: bind, device: /etc}\n');
    assert.equal(composeVersion(service), '2.4');
    assert.ok(isLegacyV2(service));
    assert.ok(topLevelVolume(service, 'data'));
    assert.equal(topLevelVolume(service, 'other'), undefined);
  });

  it('follows `extends` to a service of the same file, up its chain, through cycles, but not into another file', () => {
    const text = [
      'services:',
      '  base:',
      '    image: ghcr.io/acme/app:1.0.0',
      '    read_only: true',
      '  middle:',
      '    extends: base',
      '    user: "10001"',
      '  web:',
      '    extends: {service: middle}',
      '    read_only: false',
      '  loop-a:',
      '    extends: loop-b',
      '  loop-b:',
      '    extends: {service: loop-a}',
      '  elsewhere:',
      '    extends: {file: common.yml, service: base}',
      '',
    ].join('\n');
    const [, middle, web, loopA, , elsewhere] = services(text);
    const at = (range: { start: number; end: number } | undefined) => (range ? text.slice(range.start, range.end) : undefined);
    const readOnly = serviceField(middle!, 'read_only');
    assert.deepEqual([readOnly?.inherited, readOnly?.through, at(readOnly?.range)], [true, 'extends', 'extends: base']);
    // Its own value wins; two steps up the chain is found too, reported at its own `extends`.
    assert.deepEqual([serviceField(web!, 'read_only')?.inherited, at(serviceField(web!, 'read_only')?.range)], [false, 'read_only: false']);
    assert.deepEqual([serviceField(web!, 'image')?.through, at(serviceField(web!, 'image')?.range)], ['extends', 'extends: {service: middle}']);
    assert.equal(serviceField(loopA!, 'image'), undefined);
    assert.equal(serviceField(elsewhere!, 'image'), undefined);
  });

  it('judges a service by what it extends: nothing reported for what it inherits, an insecure inherited value reported at its `extends` without a fix', () => {
    const hardened = 'image: ghcr.io/acme/web:1.2.3\n    read_only: true\n    user: "10001"\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n    deploy: {resources: {limits: {cpus: "1", memory: 256M, pids: 100}}}\n    networks: [front]\n    healthcheck: {test: ["CMD", "/healthz"]}';
    const text = `services:\n  web:\n    ${hardened}\n    privileged: true\n  worker:\n    extends:\n      service: web\n    command: ["worker"]\nnetworks:\n  front: {}\n`;
    const findings = analyze({ fileName: 'compose.yaml', text }, { rules: DEFAULT_RULE_SET }).findings;
    const worker = findings.filter((finding) => finding.message.includes('`worker`'));
    assert.deepEqual(worker.map((finding) => finding.ruleId), ['compose/privileged']);
    assert.match(worker[0]!.message, /service `worker` \(through its `extends`\)/i);
    // The `extends` pair, as findings through a `<<` merge point at the `<<` pair.
    assert.equal(text.slice(worker[0]!.range.start, worker[0]!.range.end).trimEnd(), 'extends:\n      service: web');
    assert.equal(worker[0]!.fix, undefined);
  });
});

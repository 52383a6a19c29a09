/**
 * The engine bugs fuzzing found (npm run fuzz, properties.ts), each pinned by its shrunk case, so
 * that they stay fixed whatever seed the campaigns run with.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixText } from '../../server/src/cli/fix';
import { parseDockerfile } from '../../server/src/core/dockerfile/model';
import { parseShell } from '../../server/src/core/dockerfile/shell';
import { MAX_SHELL_NESTING } from '../../server/src/core/dockerfile/shell-syntax';
import { analyze, applyEdits, DEFAULT_RULE_SET, mergeNonOverlapping, refactorsOf, type AnalysisResult } from '../../server/src/core/index';
import { resourcesOf } from '../../server/src/core/kubernetes/model';
import { hardenSecurityContext } from '../../server/src/core/refactors/harden-security-context';
import { DOCKERFILE_REFACTORINGS } from '../../server/src/core/refactors/index';
import { MAX_YAML_NESTING, parseYamlFile } from '../../server/src/core/yaml/yaml-document';

const options = { rules: DEFAULT_RULE_SET };

function analyzed(fileName: string, text: string): AnalysisResult {
  const result = analyze({ fileName, text }, options);
  assert.deepEqual(result.problems.filter((problem) => problem.kind === 'internal'), [], 'no rule failed');
  return result;
}

function yamlErrors(text: string): string[] {
  return parseYamlFile(text).documents.flatMap((document) => document.errors.map((error) => error.message));
}

/** The text with the fix of the (first) finding of `ruleId` applied. */
function fixedBy(fileName: string, text: string, ruleId: string): string {
  const finding = analyzed(fileName, text).findings.find((candidate) => candidate.ruleId === ruleId && candidate.fix);
  assert.ok(finding, `${ruleId} offers a fix`);
  return applyEdits(text, finding.fix!.edits);
}

describe('bugs found by fuzzing', () => {
  it('YAML error ranges stay inside the text, never splitting a CRLF or a surrogate pair', () => {
    for (const text of ['apiVersion: v1\nkind: Namespace\nmetadata: {', 'a:\r\n  b:\r\n c\r\n', 'k: [""😀\n  x: 1\n']) {
      const { documents } = parseYamlFile(text);
      const ranges = documents.flatMap((document) => document.errors.map((error) => error.range));
      assert.ok(ranges.length > 0, `${JSON.stringify(text)} has errors`);
      for (const { start, end } of ranges) {
        assert.ok(0 <= start && start <= end && end <= text.length, `[${start}, ${end}) inside ${JSON.stringify(text)}`);
        for (const offset of [start, end]) assert.ok(!/^(\r\n|[\ud800-\udbff][\udc00-\udfff])$/.test(text.slice(offset - 1, offset + 1)), `${offset} splits a pair`);
      }
    }
  });

  it('a lone CR is a line break in YAML, as for editors and kubectl: fixes of a truncated CRLF manifest keep it valid', () => {
    const pod = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: app\r\n      image: nginx:1.27\r';
    assert.deepEqual(yamlErrors('a: 1\rb: 2\r'), []);
    const [resource] = resourcesOf(parseYamlFile(pod));
    assert.ok(resource, 'the Pod is read');
    for (const finding of analyzed('pod.yaml', pod).findings) {
      if (finding.fix) assert.deepEqual(yamlErrors(applyEdits(pod, finding.fix.edits)), [], `fix of ${finding.ruleId}`);
    }
  });

  it('a safe fix that inserts where another rewrites waits for the next pass (`scan --fix` kept a Compose file valid)', () => {
    // (The image makes it a whole service: a fragment is not told what it lacks.)
    const compose = 'services:\n  api:\n    image: ghcr.io/acme/api:1.0.0\n    privileged: true\n';
    const { text, passes } = fixText('compose.yaml', compose, options);
    assert.ok(passes >= 2);
    assert.deepEqual(yamlErrors(text), []);
    assert.ok(!text.includes('privileged: true') && text.includes('no-new-privileges:true'), text);
    assert.deepEqual(mergeNonOverlapping([[{ start: 21, end: 37, newText: '{}' }], [{ start: 37, end: 37, newText: '\n    x: 1' }]]), [{ start: 21, end: 37, newText: '{}' }]);
  });

  it('fixes in a document with a syntax error are offered, but never applied by fix-all (it appended security_opt ten times)', () => {
    const broken = 'services:\n  api:\n    build:    privileged: t';
    const fixes = analyzed('compose.yaml', broken).findings.filter((finding) => finding.fix);
    assert.ok(fixes.length > 0);
    assert.ok(fixes.every((finding) => !finding.fix!.safe));
    assert.equal(fixText('compose.yaml', broken, options).text, broken);
  });

  it('loading the shell parser leaves Error.stackTraceLimit alone (GopherJS set it to Infinity: YAML errors then cost seconds)', () => {
    parseDockerfile('FROM alpine\nRUN echo "unterminated\n');
    assert.notEqual(Error.stackTraceLimit, Infinity);
    assert.match(parseShell({ text: 'echo "unterminated', toFileOffset: (index) => index }).error ?? '', /reached EOF|quote/);
  });

  it('a Dockerfile line continued by a lone CR does not crash the heredoc reader of dockerfile-ast', () => {
    assert.doesNotThrow(() => parseDockerfile('n \\\r#2\n'));
    analyzed('Dockerfile', 'FROM alpine\rRUN a \\\r# c\n');
  });

  it('YAML nested deeper than the parser can go is one syntax error, the same on every call', () => {
    const deep = ': '.repeat(2300);
    const first = analyzed('deployment.yaml', `apiVersion: v1\nkind: Pod\n---\n${deep}`);
    const second = analyzed('deployment.yaml', `apiVersion: v1\nkind: Pod\n---\n${deep}`);
    assert.deepEqual(first.problems, second.problems);
    assert.match(first.problems.map((problem) => problem.message).join('\n'), new RegExp(`Nested deeper than ${MAX_YAML_NESTING} levels`));
    assert.deepEqual(yamlErrors(`${'- '.repeat(MAX_YAML_NESTING - 1)}x\n`), [], 'as deep as allowed still parses');
  });

  it('a RUN nested deeper than the shell reader allows is not read, rather than overflowing the stack', () => {
    const long = (commands: number) => `FROM alpine\nRUN ${Array.from({ length: commands }, () => 'true').join(' | ')}\n`;
    const run = (commands: number) => parseDockerfile(long(commands)).instructions[1]!.shell!;
    assert.match(run(3000).error ?? '', new RegExp(`nested deeper than ${MAX_SHELL_NESTING}`));
    assert.equal(run(300).commands.length, 300);
    analyzed('Dockerfile', long(3000));
  });

  it('a fix never edits through a YAML alias: the anchored node may be another field', () => {
    const pod = 'apiVersion: &fz v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: *fz\n';
    const fixed = fixedBy('pod.yaml', pod, 'k8s/capabilities-not-restricted');
    assert.ok(fixed.startsWith('apiVersion: &fz v1\n'), fixed);
    assert.ok(fixed.endsWith('drop: ["ALL"]\n'), fixed);
  });

  it('replacing a block value keeps the line break after it', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          - ALL\n        privileged: false\n';
    const fixed = fixedBy('pod.yaml', pod, 'k8s/capabilities-not-restricted');
    assert.deepEqual(yamlErrors(fixed), []);
    assert.match(fixed, /capabilities:\n {10}\{ drop: \["ALL"\] \}\n {8}privileged: false\n/);
  });

  it('a flow value replacing a block sequence written at its key\'s column goes one level in', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n    - 10002\n';
    const [resource] = resourcesOf(parseYamlFile(text));
    const [offer] = hardenSecurityContext.offers(resource!, { fileName: 'pod.yaml' });
    assert.ok(offer, 'offered');
    const hardened = applyEdits(text, offer.edits);
    assert.deepEqual(yamlErrors(hardened), []);
    assert.match(hardened, /securityContext:\n {6}\{ allowPrivilegeEscalation: false/);
  });

  it('deleting a pair on the last line takes the line break before it, not two characters of a CRLF file', () => {
    const pod = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: debug\r\nspec:\r\n  containers:\r\n  - name: shell\r\n    image: busybox:1.36 # 😀\n  hostPID: true';
    assert.equal(fixedBy('pod.yaml', pod, 'k8s/host-namespaces'), pod.slice(0, -'\n  hostPID: true'.length));
  });

  it('hardening a pod whose volume list holds an empty item does not throw', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    -\n';
    const [resource] = resourcesOf(parseYamlFile(text));
    const [offer] = hardenSecurityContext.offers(resource!, { fileName: 'pod.yaml' });
    assert.ok(offer, 'offered');
    assert.deepEqual(yamlErrors(applyEdits(text, offer.edits)), []);
  });

  it('a key inserted beside a tagged or anchored key lines up with it, not with its name', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  !Ref hostAliases: []\n  containers:\n  - name: app\n    image: nginx:1.27\n';
    const fixed = fixedBy('pod.yaml', pod, 'k8s/run-as-non-root');
    assert.deepEqual(yamlErrors(fixed), []);
    assert.ok(fixed.endsWith('\n  securityContext:\n    runAsNonRoot: true\n'), fixed);
  });

  it('a vertical tab is content to YAML, not a blank to skip: a key is not inserted inside a two-line string', () => {
    const compose = 'services:\n  vpn:\n    image: acme/vpn:1.0\n     \u000b\n';
    const { text } = fixText('compose.yaml', compose, options);
    assert.notEqual(text, compose);
    assert.deepEqual(yamlErrors(text), []);
  });

  it('documents separated by `---` after lone CRs are split where the parser splits them (the PSP refactoring deleted the whole file)', () => {
    const psp = 'apiVersion: policy/v1beta1\rkind: PodSecurityPolicy\rmetadata:\r  name: legacy\rspec:\r  privileged: false\r---\rapiVersion: v1\rkind: Namespace\rmetadata: {name: apps}\r';
    const offers = refactorsOf({ fileName: 'psp.yaml', text: psp }).filter((offer) => offer.id === 'k8s/psp-to-psa');
    assert.equal(offers.length, 1);
    const rewritten = applyEdits(psp, offers[0]!.edits);
    assert.ok(!rewritten.includes('PodSecurityPolicy') && rewritten.includes('kind: Namespace'), rewritten);
    assert.deepEqual(yamlErrors(rewritten), []);
  });

  it('the distroless refactoring reads an ARG with any name, not only a shell identifier (it built a regex of it)', () => {
    const dockerfile = 'FROM golang:1.22\nARG SHELL ["/bin/sh", "-c"]\nARG (a+)+$\nLABEL x=$SHELL\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
    const model = parseDockerfile(dockerfile);
    for (const refactoring of DOCKERFILE_REFACTORINGS) assert.doesNotThrow(() => refactoring.offers(model, { fileName: 'Dockerfile' }), refactoring.id);
  });

  it('`sudo` is kept where the word after it would mean something else at the start of a command', () => {
    const dockerfile = 'FROM debian:12\nRUN sudo a[{a: 1}]\nRUN sudo apt-get update\n';
    const fixes = analyzed('Dockerfile', dockerfile).findings.filter((finding) => finding.ruleId === 'dockerfile/sudo-usage' && finding.fix);
    assert.deepEqual(fixes.map((finding) => dockerfile.slice(finding.range.start, finding.range.end + 4)), ['sudo apt']);
  });

  it('nothing is inserted into a mapping with a collection for a key (where its keys start is a guess)', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: ok\n    image: nginx:1.27\n    securityContext:\n     ? a b  runAsUser: 10001\n';
    for (const finding of analyzed('pod.yaml', pod).findings) {
      if (finding.fix) assert.deepEqual(yamlErrors(applyEdits(pod, finding.fix.edits)), [], `fix of ${finding.ruleId}`);
    }
    const [resource] = resourcesOf(parseYamlFile(pod));
    for (const offer of hardenSecurityContext.offers(resource!, { fileName: 'pod.yaml' })) assert.deepEqual(yamlErrors(applyEdits(pod, offer.edits)), []);
  });

  it('USER is not appended to a Dockerfile cut off inside its last instruction (it would continue it)', () => {
    const dockerfile = '# escape=`\r\nFROM debian:12\r\nRUN apt-get update `\r\n && apt-get install -y curl `\r';
    const finding = analyzed('Dockerfile', dockerfile).findings.find((candidate) => candidate.ruleId === 'dockerfile/user-root');
    assert.ok(finding && !finding.fix);
  });

  it('deleting the first line does not turn a `# escape=` comment under it into a parser directive', () => {
    const dockerfile = 'EXPOSE 22\n# escape=`\nUSER `\nFROM alpine:3.20\n';
    const fixed = fixedBy('Dockerfile', dockerfile, 'dockerfile/expose-ssh-port');
    assert.equal(fixed, '\n# escape=`\nUSER `\nFROM alpine:3.20\n');
    assert.equal(parseDockerfile(fixed).stages.length, 1);
  });

  it('deleting the first line does not turn a stray U+FEFF under it into the byte-order mark (an unknown instruction became a FROM)', () => {
    const dockerfile = 'EXPOSE 22\n\uFEFFFROM gcc:14\nCMD ["hello"]\n';
    const fixed = fixedBy('Dockerfile', dockerfile, 'dockerfile/expose-ssh-port');
    assert.equal(fixed, '\n\uFEFFFROM gcc:14\nCMD ["hello"]\n');
    assert.equal(parseDockerfile(fixed).stages.length, parseDockerfile(dockerfile).stages.length);
  });

  it('Dockerfile ranges never start inside an emoji (dockerfile-ast skips the character after a continuation\'s lone CR)', () => {
    const dockerfile = '# escape=`\r\nFROM alpine:3.20\r\nEXPOSE 80 `\r😀\n    99999\r\n';
    const ranges = parseDockerfile(dockerfile).instructions.flatMap((instruction) => [instruction.range, ...instruction.args.map((word) => word.range)]);
    const splits = (offset: number) => /^[\ud800-\udbff][\udc00-\udfff]$/.test(dockerfile.slice(offset - 1, offset + 1));
    assert.deepEqual(ranges.filter(({ start, end }) => splits(start) || splits(end)), []);
    assert.ok(analyzed('Dockerfile', dockerfile).findings.length > 0);
  });

  it('Dockerfile fixes find lines ended by a lone CR (an old-Mac file): one line goes, not the whole file', () => {
    const dockerfile = 'FROM ubuntu:24.04\rEXPOSE 22\rCMD ["sh"]\r';
    assert.equal(fixedBy('Dockerfile', dockerfile, 'dockerfile/expose-ssh-port'), 'FROM ubuntu:24.04\rCMD ["sh"]\r');
    assert.equal(fixedBy('Dockerfile', dockerfile, 'dockerfile/user-root'), 'FROM ubuntu:24.04\rEXPOSE 22\rUSER 10001\nCMD ["sh"]\r');
  });
});

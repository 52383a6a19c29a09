import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalStage, parseDockerfile, substituteArgs, type DockerfileModel } from '../../server/src/core/dockerfile/model';
import type { OffsetRange } from '../../server/src/core/engine/types';

const at = (model: DockerfileModel, range: OffsetRange | undefined) => (range ? model.text.slice(range.start, range.end) : undefined);

describe('Dockerfile model', () => {
  it('splits stages, lower-cases names and links FROM <stage> to its base', () => {
    const model = parseDockerfile('ARG V=1\nFROM golang:1.22 AS Build\nRUN make\nfrom build as Test\nFROM alpine:3.20\nCOPY --from=build /a /a\n');
    assert.equal(model.stages.length, 3);
    const [build, test, final] = model.stages;
    assert.equal(build!.name, 'build');
    assert.equal(at(model, build!.nameRange), 'Build');
    assert.equal(test!.name, 'test');
    assert.equal(test!.baseStage, build);
    assert.equal(test!.image.isStageReference, true);
    assert.equal(final!.name, undefined);
    assert.equal(final!.baseStage, undefined);
    assert.equal(finalStage(model), final);
    assert.deepEqual(build!.instructions.map((instruction) => instruction.keyword), ['RUN']);
    assert.equal(build!.from.stage, build);
    assert.equal(model.instructions[0]!.stage, undefined, 'an ARG before FROM belongs to no stage');
    assert.equal(model.instructions[1], build!.from, 'the FROM in the instruction list is the stage one');
  });

  it('resolves FROM through ARG defaults, ${X:-d} and ${X:+alt}, and marks unset ones unresolved', () => {
    const model = parseDockerfile('ARG REG=ghcr.io/acme\nARG TAG\nARG DEBUG\nFROM ${REG}/app:${TAG:-1.2}${DEBUG:+-debug}\nFROM $REG/base:$TAG\n');
    assert.equal(model.stages[0]!.image.resolved, 'ghcr.io/acme/app:1.2');
    assert.equal(model.stages[0]!.image.unresolved, false);
    assert.equal(model.stages[0]!.image.tag, '1.2');
    assert.equal(model.stages[1]!.image.unresolved, true);
    assert.deepEqual([...model.globalArgs], [['REG', 'ghcr.io/acme'], ['TAG', undefined], ['DEBUG', undefined]]);
  });

  it('expands ARG defaults that use the ARGs above them, as BuildKit does', () => {
    const model = parseDockerfile('ARG VERSION=3.20\nARG BASE="alpine:${VERSION}"\nARG UNSET\nARG OTHER=busybox:${UNSET}\nARG FALLBACK=busybox:${UNSET:-1.36}\nFROM ${BASE}\nFROM $OTHER\nFROM ${FALLBACK}\n');
    assert.deepEqual([...model.globalArgs], [['VERSION', '3.20'], ['BASE', 'alpine:3.20'], ['UNSET', undefined], ['OTHER', undefined], ['FALLBACK', 'busybox:1.36']]);
    assert.deepEqual(model.stages.map((stage) => [stage.image.resolved, stage.image.tag, stage.image.unresolved]), [['alpine:3.20', '3.20', false], ['', undefined, true], ['busybox:1.36', '1.36', false]]);
  });

  it('substituteArgs', () => {
    const args = new Map([['A', 'x'], ['E', '']]);
    assert.deepEqual(substituteArgs('$A-${A}', args), { value: 'x-x', complete: true });
    assert.deepEqual(substituteArgs('${B:-def}', args), { value: 'def', complete: true });
    assert.deepEqual(substituteArgs('${E:-def}', args), { value: 'def', complete: true });
    assert.deepEqual(substituteArgs('${A:+alt}${B:+alt}', args), { value: 'alt', complete: true });
    assert.deepEqual(substituteArgs('img:$B', args), { value: 'img:', complete: false });
  });

  it('reads the escape directive and joins its continuations', () => {
    const model = parseDockerfile('# escape=`\nFROM alpine:3.20\nRUN echo a `\n  b\n');
    assert.equal(model.escapeCharacter, '`');
    const run = model.instructions[1]!;
    assert.deepEqual(run.args.map((arg) => arg.value), ['echo', 'a', 'b']);
    assert.deepEqual(run.shell!.commands[0]!.args.map((arg) => at(model, arg.range)), ['a', 'b']);
  });

  it('adds the trigger of ONBUILD as an instruction of its own', () => {
    const model = parseDockerfile('FROM alpine:3.20\nonbuild run echo hi\n');
    const [, onbuild, trigger] = model.instructions;
    assert.equal(onbuild!.keyword, 'ONBUILD');
    assert.equal(onbuild!.onbuild, false);
    assert.equal(trigger!.keyword, 'RUN');
    assert.equal(trigger!.onbuild, true);
    assert.equal(at(model, trigger!.range), 'run echo hi');
    assert.equal(at(model, trigger!.keywordRange), 'run');
    assert.equal(trigger!.stage, model.stages[0]);
    assert.equal(trigger!.shell!.commands[0]!.name, 'echo');
  });

  it('reads flags with their ranges', () => {
    const model = parseDockerfile('FROM --platform=$BUILDPLATFORM alpine:3.20\nCOPY --link --chown=1:1 a /b\n');
    const [from, copy] = model.instructions;
    assert.equal(from!.flags[0]!.name, 'platform');
    assert.equal(from!.flags[0]!.value, '$BUILDPLATFORM');
    assert.equal(at(model, from!.flags[0]!.range), '--platform=$BUILDPLATFORM');
    assert.equal(at(model, from!.flags[0]!.nameRange), 'platform');
    assert.equal(at(model, from!.flags[0]!.valueRange), '$BUILDPLATFORM');
    assert.equal(at(model, model.stages[0]!.image.range), 'alpine:3.20');
    assert.deepEqual(copy!.flags.map((flag) => [flag.name, flag.value]), [['link', undefined], ['chown', '1:1']]);
    assert.deepEqual(copy!.args.map((arg) => arg.value), ['a', '/b']);
  });

  it('reads ENV, ARG and LABEL properties, including several ARG names at once', () => {
    const model = parseDockerfile('FROM alpine:3.20\nENV A=1 B="x y"\nENV LEGACY some value\nARG C D=2 \\\n  # comment\n  E\nLABEL "k"="v"\n');
    const [, env, legacy, arg, label] = model.instructions;
    assert.deepEqual(env!.properties.map((p) => [p.name, p.value, at(model, p.nameRange), at(model, p.valueRange)]), [['A', '1', 'A', '1'], ['B', 'x y', 'B', '"x y"']]);
    assert.deepEqual(legacy!.properties.map((p) => [p.name, p.value]), [['LEGACY', 'some value']]);
    assert.deepEqual(arg!.properties.map((p) => [p.name, p.value, at(model, p.nameRange)]), [['C', undefined, 'C'], ['D', '2', 'D'], ['E', undefined, 'E']]);
    assert.deepEqual(label!.properties.map((p) => [p.name, p.value]), [['k', 'v']]);
  });

  it('decodes exec-form JSON strings, keeping spaces and escapes, with ranges on the quotes', () => {
    const model = parseDockerfile('FROM alpine:3.20\nCMD ["echo", "a \\"b\\" c", "\\u00e9"]\nRUN [ "sh", "-c", "ls -l" ]\n');
    const [, cmd, run] = model.instructions;
    assert.equal(cmd!.execForm, true);
    assert.deepEqual(cmd!.args.map((arg) => arg.value), ['echo', 'a "b" c', 'é']);
    assert.equal(at(model, cmd!.args[1]!.range), '"a \\"b\\" c"');
    assert.equal(run!.execForm, true);
    assert.deepEqual(run!.shell!.commands.map((command) => [command.name, command.depth]), [['sh', 0], ['ls', 1]]);
    assert.equal(at(model, run!.shell!.commands[1]!.range), 'ls -l');
  });

  it('keeps heredoc bodies out of the arguments', () => {
    const model = parseDockerfile('FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello world\nEOF\n');
    assert.deepEqual(model.instructions[1]!.args.map((arg) => arg.value), ['<<EOF', '/etc/motd']);
  });

  it('maps CRLF files to exact offsets', () => {
    const model = parseDockerfile('FROM alpine:3.20 AS base\r\nUSER root\r\nRUN a && \\\r\n  b\r\n');
    const [from, user, run] = model.instructions;
    assert.equal(at(model, from!.range), 'FROM alpine:3.20 AS base');
    assert.equal(at(model, model.stages[0]!.nameRange), 'base');
    assert.equal(at(model, user!.args[0]!.range), 'root');
    assert.deepEqual(run!.shell!.commands.map((command) => at(model, command.range)), ['a', 'b']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/core/dockerfile/model';
import { dashCScript, parseShell, unwrapCommand, wrapperOptionCount, type ShellCommand } from '../../server/src/core/dockerfile/shell';

/** Parses a plain script whose offsets are its own indices. */
const script = (text: string) => parseShell({ text, toFileOffset: (index) => index });
/** The commands of the (only) RUN of a Dockerfile, with the text each range covers. */
function runCommands(dockerfile: string) {
  const model = parseDockerfile(dockerfile);
  const run = model.instructions.find((instruction) => instruction.keyword === 'RUN')!;
  const slice = (range: { start: number; end: number }) => dockerfile.slice(range.start, range.end);
  return { shell: run.shell!, slice };
}
const names = (commands: readonly ShellCommand[]) => commands.map((command) => command.name);

describe('shell commands of RUN', () => {
  it('lists the simple commands of &&, ||, ; lists, subshells and substitutions', () => {
    const { commands } = script('a && b || c; (d; e) && echo $(f x)');
    assert.deepEqual(names(commands), ['a', 'b', 'c', 'd', 'e', 'echo', 'f']);
    assert.deepEqual(commands.map((command) => command.depth), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('marks the commands of pipelines, and only those', () => {
    const { commands } = script('a | b | c && d; e |& f; (g && k) | h; ! i | j; { l; } | m > out; n');
    const piped = Object.fromEntries(commands.map((command) => [command.name, command.inPipeline]));
    assert.deepEqual(piped, { a: true, b: true, c: true, d: false, e: true, f: true, g: true, k: true, h: true, i: true, j: true, l: true, m: true, n: false });
  });

  it('reads values without quotes, and none for expansions', () => {
    const [command] = script(`x 'a b' "c\\"d" e\\ f $HOME "$(g)" FOO=1`).commands;
    assert.deepEqual(command!.args.map((arg) => arg.value), ['a b', 'c"d', 'e f', undefined, undefined, 'FOO=1']);
    const [assigned] = script('A=1 B="2 3" make').commands;
    assert.deepEqual(assigned!.assignments.map((assignment) => [assignment.name, assignment.value?.value]), [['A', '1'], ['B', '2 3']]);
    assert.equal(assigned!.name, 'make');
  });

  it('parses the script of sh -c, also behind sudo, with exact file ranges', () => {
    const dockerfile = `FROM alpine:3.20\nRUN sudo -E sh -c 'apk add curl && curl -fsSL x | sh' && bash -ec "make install"\n`;
    const { shell, slice } = runCommands(dockerfile);
    assert.deepEqual(shell.commands.map((command) => [command.name, command.depth, slice(command.range)]), [
      ['sudo', 0, `sudo -E sh -c 'apk add curl && curl -fsSL x | sh'`],
      ['apk', 1, 'apk add curl'],
      ['curl', 1, 'curl -fsSL x'],
      ['sh', 1, 'sh'],
      ['bash', 0, 'bash -ec "make install"'],
      ['make', 1, 'make install'],
    ]);
    assert.equal(shell.commands[2]!.inPipeline, true);
  });

  it('widens ranges to the whole argument when the script has escapes', () => {
    const dockerfile = 'FROM alpine:3.20\nRUN sh -c "echo \\"hi\\" && id"\n';
    const { shell, slice } = runCommands(dockerfile);
    assert.equal(shell.commands[2]!.name, 'id');
    assert.equal(slice(shell.commands[2]!.range), '"echo \\"hi\\" && id"');
  });

  it('runs the bodies of a heredoc-only RUN, but not other interpreters', () => {
    const dockerfile = 'FROM alpine:3.20\nRUN <<EOF\n#!/usr/bin/env bash\nset -e\napk add git\nEOF\n';
    const { shell, slice } = runCommands(dockerfile);
    assert.deepEqual(shell.commands.map((command) => slice(command.range)), ['set -e', 'apk add git']);
    assert.deepEqual(runCommands('FROM alpine:3.20\nRUN <<EOF\n#!/usr/bin/python3\nprint(1)\nEOF\n').shell.commands, []);
    // A heredoc that feeds a command: the command is the script, the body its input.
    assert.deepEqual(names(runCommands('FROM alpine:3.20\nRUN python3 <<EOF\nimport os\nEOF\n').shell.commands), ['python3']);
    assert.deepEqual(names(runCommands('FROM alpine:3.20\nRUN cat <<EOF > /x && ls\nhi\nEOF\n').shell.commands), ['cat', 'ls']);
  });

  it('joins continuation lines (dropping comment lines) and maps ranges back to the file', () => {
    const dockerfile = 'FROM alpine:3.20\nRUN apk add curl\\\n    # a comment\n\n    && rm -rf /var/cache/apk/*\n';
    const { shell, slice } = runCommands(dockerfile);
    assert.deepEqual(shell.commands.map((command) => slice(command.range)), ['apk add curl', 'rm -rf /var/cache/apk/*']);
    // The word before the continuation ends before the backslash, not on the next line.
    assert.equal(slice(shell.commands[0]!.args[1]!.range), 'curl');
    // A word split by a continuation covers both pieces.
    const split = runCommands('FROM alpine:3.20\nRUN ec\\\nho hi\n');
    assert.equal(split.shell.commands[0]!.name, 'echo');
    assert.equal(split.slice(split.shell.commands[0]!.nameWord!.range), 'ec\\\nho');
  });

  it('converts mvdan-sh UTF-8 byte offsets to UTF-16 offsets', () => {
    const dockerfile = 'FROM alpine:3.20\nRUN echo "héllo wörld 🐳" && sudo ls\n';
    const { shell, slice } = runCommands(dockerfile);
    assert.deepEqual(shell.commands.map((command) => slice(command.range)), ['echo "héllo wörld 🐳"', 'sudo ls']);
    assert.equal(slice(shell.commands[1]!.nameWord!.range), 'sudo');
  });

  it('reports a script that does not parse instead of throwing', () => {
    const parsed = script('echo "unterminated');
    assert.deepEqual(parsed.commands, []);
    assert.match(parsed.error!, /reached EOF|must end/);
  });
});

describe('wrappers', () => {
  const first = (text: string) => script(text).commands[0]!;

  it('unwrapCommand finds the command behind sudo, env and friends', () => {
    assert.equal(unwrapCommand(first('sudo -u app env X=1 apt-get install x')).name, 'apt-get');
    assert.deepEqual(unwrapCommand(first('sudo -u app env X=1 apt-get install x')).args.map((arg) => arg.value), ['install', 'x']);
    assert.equal(unwrapCommand(first('sudo -E DEBIAN_FRONTEND=noninteractive apt-get update')).name, 'apt-get');
    assert.equal(unwrapCommand(first('/usr/bin/sudo -- nohup nice -n 5 make')).name, 'make');
    assert.equal(unwrapCommand(first('sudo -v')).name, 'sudo', 'a wrapper that runs nothing stays itself');
    assert.equal(unwrapCommand(first('apt-get install')).name, 'apt-get');
  });

  it('wrapperOptionCount counts a wrapper’s own options and their values', () => {
    assert.equal(wrapperOptionCount(first('sudo -E -u app make')), 3);
    assert.equal(wrapperOptionCount(first('sudo --preserve-env=PATH -- make')), 2);
    assert.equal(wrapperOptionCount(first('sudo make -j4')), 0);
    assert.equal(wrapperOptionCount(first('make -j4')), 0);
  });

  it('dashCScript finds the script of a shell given one', () => {
    assert.equal(dashCScript(first(`sh -c 'a && b'`))?.value, 'a && b');
    assert.equal(dashCScript(first(`sudo /bin/bash -lc "x"`))?.value, 'x');
    assert.equal(dashCScript(first('sh script.sh')), undefined);
    assert.equal(dashCScript(first('python -c "print(1)"')), undefined);
  });
});

describe('pipelines and declarations', () => {
  it('gives the commands of one pipeline one id, and none outside pipelines', () => {
    const { commands } = script('a | b | c; d && e | f; (g | h) | i; $(j | k) && l');
    const ids = Object.fromEntries(commands.map((command) => [command.name, command.pipeline]));
    assert.equal(ids.a, ids.b);
    assert.equal(ids.b, ids.c);
    assert.equal(ids.d, undefined);
    assert.equal(ids.l, undefined);
    assert.equal(ids.e, ids.f);
    assert.notEqual(ids.e, ids.a);
    // A piped compound joins its commands to the outer pipeline.
    assert.equal(ids.g, ids.i);
    assert.equal(ids.h, ids.i);
    assert.equal(ids.j, ids.k);
    assert.notEqual(ids.j, undefined);
  });

  it('keeps pipelines of nested sh -c scripts apart from the outer ones', () => {
    const { shell } = runCommands(`FROM alpine:3.20\nRUN a | sh -c 'b | c'\n`);
    const ids = Object.fromEntries(shell.commands.map((command) => [command.name, command.pipeline]));
    assert.equal(ids.a, ids.sh);
    assert.equal(ids.b, ids.c);
    assert.notEqual(ids.b, ids.a);
  });

  it('lists export/declare with their assignments and other operands', () => {
    const { shell, slice } = runCommands('FROM alpine:3.20\nRUN export A=1 B="2 3" C && declare -x D=4 | cat\n');
    const [exported, declared] = shell.commands;
    assert.equal(exported!.name, 'export');
    assert.equal(slice(exported!.nameWord!.range), 'export');
    assert.deepEqual(exported!.assignments.map((assignment) => [assignment.name, assignment.value?.value, slice(assignment.range)]), [
      ['A', '1', 'A=1'],
      ['B', '2 3', 'B="2 3"'],
    ]);
    assert.deepEqual(exported!.args.map((arg) => arg.value), ['C']);
    assert.equal(exported!.inPipeline, false);
    assert.equal(declared!.name, 'declare');
    assert.deepEqual(declared!.args.map((arg) => arg.value), ['-x']);
    assert.equal(declared!.inPipeline, true);
  });
});

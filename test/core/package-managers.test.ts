import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/core/dockerfile/model';
import {
  appendOffset,
  cacheMountTargets,
  describeCall,
  hasOption,
  insertArgumentAfter,
  laterCalls,
  optionsNamed,
  packageCallOf,
  packageCallsOf,
  removeArguments,
  type PackageCall,
} from '../../server/src/core/dockerfile/package-managers';
import { parseShell } from '../../server/src/core/dockerfile/shell';
import { applyEdits } from '../../server/src/core/engine/edits';

/** The package call of the first command of a plain script (offsets are its own indices). */
function callOf(script: string): PackageCall | undefined {
  const [command] = parseShell({ text: script, toFileOffset: (index) => index }).commands;
  return command ? packageCallOf(command) : undefined;
}
const values = (words: readonly { value: string | undefined }[]) => words.map((word) => word.value);

/** The only RUN of a Dockerfile with its package calls. */
function runOf(dockerfile: string) {
  const model = parseDockerfile(dockerfile);
  const run = model.instructions.find((instruction) => instruction.keyword === 'RUN')!;
  return { text: dockerfile, run, calls: packageCallsOf(run) };
}

describe('package-manager calls', () => {
  it('reads manager, subcommand, action, options and packages', () => {
    const script = 'apt-get -y -o Dpkg::Options::=--force-confold install --no-install-recommends curl=8.5.0 git';
    const call = callOf(script)!;
    assert.equal(call.manager, 'apt-get');
    assert.equal(call.family, 'apt');
    assert.equal(call.subcommand, 'install');
    assert.equal(call.action, 'install');
    assert.deepEqual(call.options.map((option) => [option.name, option.value, option.beforeSubcommand]), [
      ['-y', undefined, true],
      ['-o', 'Dpkg::Options::=--force-confold', true],
      ['--no-install-recommends', undefined, false],
    ]);
    assert.deepEqual(values(call.packages), ['curl=8.5.0', 'git']);
    const at = script.indexOf('curl=');
    assert.deepEqual(call.packages[0]!.range, { start: at, end: at + 'curl=8.5.0'.length });
  });

  it('knows short clusters, attached values and apt\'s -q=2', () => {
    const call = callOf('apt-get -qy -oAPT::Get::Assume-Yes=1 -q=2 -t bookworm-backports install x')!;
    assert.deepEqual(call.options.map((option) => [option.name, option.letters, option.value]), [
      ['-qy', 'qy', undefined],
      ['-o', 'o', 'APT::Get::Assume-Yes=1'],
      ['-q', 'q', '2'],
      ['-t', 't', 'bookworm-backports'],
    ]);
    assert.ok(hasOption(call, 'y'));
    assert.ok(!hasOption(call, 'n', ['--no-install-recommends']));
    assert.deepEqual(values(call.packages), ['x']);
    // `-yo X` is both a -y and a -o.
    const cluster = callOf('apt-get -yo Foo=1 install x')!;
    assert.ok(hasOption(cluster, 'y'));
    assert.deepEqual(optionsNamed(cluster, '-o').map((option) => option.value), ['Foo=1']);
  });

  it('maps subcommands to actions across managers', () => {
    const actions = [
      'apt update', 'apt-get dist-upgrade', 'apt full-upgrade', 'apk add', 'apk update', 'apk cache clean', 'yum update', 'dnf makecache',
      'dnf5 group install x', 'microdnf clean all', 'zypper in x', 'zypper ref', 'zypper dup', 'zypper cc', 'npm ci', 'npm i x',
      'npm config set a b', 'yarn', 'yarn global add x', 'yarn cache clean', 'yarn build', 'pip uninstall x', 'pip cache purge',
      'gem install x', 'go install x@v1', 'go build', 'rpm -ivh x.rpm', 'rpm -e x', 'yum-config-manager --save',
    ].map((script) => [script, callOf(script)?.action]);
    assert.deepEqual(Object.fromEntries(actions), {
      'apt update': 'refresh', 'apt-get dist-upgrade': 'dist-upgrade', 'apt full-upgrade': 'dist-upgrade', 'apk add': 'install',
      'apk update': 'refresh', 'apk cache clean': 'clean', 'yum update': 'upgrade', 'dnf makecache': 'refresh',
      'dnf5 group install x': 'install', 'microdnf clean all': 'clean', 'zypper in x': 'install', 'zypper ref': 'refresh',
      'zypper dup': 'dist-upgrade', 'zypper cc': 'clean', 'npm ci': 'install', 'npm i x': 'install', 'npm config set a b': 'config',
      yarn: 'install', 'yarn global add x': 'install', 'yarn cache clean': 'clean', 'yarn build': 'other', 'pip uninstall x': 'remove',
      'pip cache purge': 'clean', 'gem install x': 'install', 'go install x@v1': 'install', 'go build': 'other', 'rpm -ivh x.rpm': 'install',
      'rpm -e x': 'remove', 'yum-config-manager --save': 'config',
    });
  });

  it('is not fooled by commands that merely mention a manager', () => {
    for (const script of ['echo apt-get install x', 'apt-cache show x', 'pipx install x', 'python3 -c "import pip"', 'npx x', 'git add .']) {
      assert.equal(callOf(script), undefined, script);
    }
  });

  it('reads pip through pip3, pip3.12 and python -m pip, with -r and other values not taken for packages', () => {
    const call = callOf('python3.12 -m pip install -r req.txt -c c.txt -e ./plugin --index-url https://x/simple --trusted-host x -U flask .')!;
    assert.equal(call.manager, 'pip');
    assert.equal(call.executable.value, 'pip');
    assert.equal(describeCall(call), 'python3.12 -m pip install');
    assert.deepEqual(values(call.packages), ['flask', '.']);
    assert.deepEqual(optionsNamed(call, '-r', '--requirement').map((option) => option.value), ['req.txt']);
    assert.equal(callOf('pip3 --no-cache-dir install x')!.subcommand, 'install');
    assert.equal(describeCall(callOf('pip3.11 install x')!), 'pip3.11 install');
  });

  it('takes values of apk, gem, go, npm and zypper options', () => {
    assert.deepEqual(values(callOf('apk add --no-cache --virtual .deps -X https://repo gcc')!.packages), ['gcc']);
    assert.deepEqual(values(callOf('gem install -v 1.2 --no-document rails')!.packages), ['rails']);
    assert.deepEqual(values(callOf('go install -ldflags "-s -w" -tags netgo example.com/x@v1')!.packages), ['example.com/x@v1']);
    const npm = callOf('npm install --prefix /opt --strict-ssl false -g left-pad')!;
    assert.deepEqual(values(npm.packages), ['left-pad']);
    assert.deepEqual(npm.options.map((option) => [option.name, option.value]), [['--prefix', '/opt'], ['--strict-ssl', 'false'], ['-g', undefined]]);
    assert.deepEqual(values(callOf('zypper -n --root /mnt in -t pattern devel_basis')!.packages), ['devel_basis']);
    assert.deepEqual(values(callOf('apt-get install -y -- -weird-name')!.packages), ['-weird-name']);
  });

  it('unwraps sudo, env, eatmydata and xargs', () => {
    const call = callOf('sudo -E env DEBIAN_FRONTEND=noninteractive eatmydata apt-get install -y curl')!;
    assert.equal(call.manager, 'apt-get');
    assert.equal(call.original.name, 'sudo');
    assert.equal(call.fromStdin, false);
    const xargs = callOf('xargs -a packages.txt -r apt-get install -y')!;
    assert.equal(xargs.manager, 'apt-get');
    assert.equal(xargs.fromStdin, true);
    assert.deepEqual(values(xargs.packages), []);
  });

  it('finds the calls of a RUN, also in sh -c, exec form, heredocs and continuations with comment lines', () => {
    const dockerfile = 'FROM debian:12\nRUN apt-get update && \\\n    # tools\n    sh -c \'apt-get install -y curl\' && apt-get clean\n';
    const { calls } = runOf(dockerfile);
    assert.deepEqual(calls.map((call) => [describeCall(call), call.command.depth]), [['apt-get update', 0], ['apt-get install', 1], ['apt-get clean', 0]]);
    assert.deepEqual(laterCalls(calls, calls[0]!, (call) => call.action === 'install').map(describeCall), ['apt-get install']);
    assert.deepEqual(laterCalls(calls, calls[2]!), []);

    const exec = runOf('FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n');
    assert.equal(exec.calls[0]!.execForm, true);
    const heredoc = runOf('FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n');
    assert.equal(describeCall(heredoc.calls[0]!), 'apk add');
    const onbuild = runOf('FROM alpine:3.20\nONBUILD RUN apk add curl\n');
    assert.equal(onbuild.run.onbuild, true);
    assert.equal(describeCall(onbuild.calls[0]!), 'apk add');
  });

  it('reads BuildKit cache mount targets', () => {
    const { run } = runOf('FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt/ --mount=type=cache,dst=/root/.cache,sharing=locked --mount=type=bind,target=/src --mount=type=secret,id=x apt-get update\n');
    assert.deepEqual(cacheMountTargets(run), ['/var/cache/apt', '/root/.cache']);
  });

  it('finds where a command can be appended, and only where that is safe', () => {
    const at = (dockerfile: string) => {
      const { text, run } = runOf(dockerfile);
      const offset = appendOffset(text, run);
      return offset === undefined ? undefined : text.slice(0, offset);
    };
    assert.equal(at('FROM x\nRUN a && b \\\n && c  \n'), 'FROM x\nRUN a && b \\\n && c');
    assert.equal(at('FROM x\nRUN a | tee log\n'), 'FROM x\nRUN a | tee log');
    for (const unsafe of ['FROM x\nRUN a;\n', 'FROM x\nRUN a &\n', 'FROM x\nRUN a > log\n', 'FROM x\nRUN (a)\n', 'FROM x\nRUN a # note\n', 'FROM x\nRUN ["a"]\n', 'FROM x\nRUN <<EOF\na\nEOF\n', 'FROM x\nRUN if a; then b; fi\n']) {
      assert.equal(at(unsafe), undefined, unsafe);
    }
  });

  it('edits arguments of shell and exec form', () => {
    const shell = runOf('FROM x\nRUN apk add --allow-untrusted curl\n');
    const call = shell.calls[0]!;
    assert.equal(applyEdits(shell.text, [insertArgumentAfter(shell.text, call, call.subcommandWords[0]!, '--no-cache')!]), 'FROM x\nRUN apk add --no-cache --allow-untrusted curl\n');
    assert.equal(applyEdits(shell.text, [removeArguments(shell.text, call, call.options[0]!.word)!]), 'FROM x\nRUN apk add curl\n');

    const exec = runOf('FROM x\nRUN ["pip", "install", "--trusted-host", "h", "flask"]\n');
    const execCall = exec.calls[0]!;
    const trusted = execCall.options[0]!;
    assert.equal(applyEdits(exec.text, [removeArguments(exec.text, execCall, trusted.word, trusted.valueWord)!]), 'FROM x\nRUN ["pip", "install", "flask"]\n');
    assert.equal(applyEdits(exec.text, [insertArgumentAfter(exec.text, execCall, execCall.subcommandWords[0]!, '--no-cache-dir')!]), 'FROM x\nRUN ["pip", "install", "--no-cache-dir", "--trusted-host", "h", "flask"]\n');
    const last = runOf('FROM x\nRUN ["apk", "add", "x.apk", "--allow-untrusted"]\n');
    assert.equal(applyEdits(last.text, [removeArguments(last.text, last.calls[0]!, last.calls[0]!.options[0]!.word)!]), 'FROM x\nRUN ["apk", "add", "x.apk"]\n');
  });

  it('does not edit words whose place in the file is not exact', () => {
    const { text, calls } = runOf('FROM x\nRUN sh -c "echo \\"hi\\" && apk add curl"\n');
    const call = calls.find((candidate) => candidate.manager === 'apk')!;
    assert.equal(insertArgumentAfter(text, call, call.subcommandWords[0]!, '--no-cache'), undefined);
  });
});

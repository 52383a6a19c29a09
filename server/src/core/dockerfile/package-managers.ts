/**
 * Package-manager calls in `RUN` commands: which manager runs (apt-get/apt, apk, yum, dnf,
 * microdnf, tdnf, zypper, rpm, pip, npm, yarn, gem, go), with which subcommand, options and
 * package words, all with file ranges. Read from the parsed shell commands only (never from
 * the `RUN` line's text), after unwrapping `sudo`/`env`/`eatmydata`/`xargs`, so package rules
 * share one reading of `apt-get -y -o Opt=1 install …`, `python3 -m pip install -r …` or
 * `yarn global add …`, and fixes that edit words of exec-form `RUN`s keep the JSON valid.
 */
import type { OffsetRange, TextEdit } from '../engine/types';
import type { DockerInstruction, Stage } from './model';
import { baseName, unwrapCommand, type ParsedShell, type ShellCommand, type ShellWord } from './shell';
import { insertWordAfter, removeWords } from './word-edits';

export type PackageManager = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'tdnf' | 'zypper' | 'rpm' | 'pip' | 'npm' | 'yarn' | 'gem' | 'go';

/**
 * What a subcommand does, across managers: `install` (apt-get install, apk add, npm i, yarn add,
 * zypper in, …), `refresh` (the package index only: apt-get update, apk update, zypper refresh,
 * dnf makecache), `upgrade` (apt-get upgrade, yum update, zypper up), `dist-upgrade`
 * (apt-get dist-upgrade/full-upgrade, zypper dup), `remove`, `clean` (apt-get clean,
 * yum clean, yarn cache clean, pip cache purge), `config` (npm config set, yum-config-manager).
 */
export type PackageAction = 'install' | 'refresh' | 'upgrade' | 'dist-upgrade' | 'remove' | 'clean' | 'config' | 'other';

export interface PackageOption {
  /** The option as written up to any `=` or attached value: `-y`, `-qy`, `--no-cache`, `-o`, `--index-url`. */
  readonly name: string;
  /** For short options: the flag letters (`qy` of `-qy`), without a value-taking letter's value. */
  readonly letters: string | undefined;
  /** `Opt=1` of `-o Opt=1`, `-oOpt=1` or `--option=Opt=1`; undefined for flags. */
  readonly value: string | undefined;
  readonly word: ShellWord;
  /** The separate value word (`-o Opt=1`, `--index-url URL`), when there is one. */
  readonly valueWord: ShellWord | undefined;
  /** The option and its separate value. */
  readonly range: OffsetRange;
  /** True for options written before the subcommand (`apt-get -y install`, `zypper -n in`). */
  readonly beforeSubcommand: boolean;
}

export interface PackageCall {
  readonly manager: PackageManager;
  /** Managers that share a package index and cache: `apt` for apt-get and apt, `dnf` for yum and dnf. */
  readonly family: string;
  /** The command after unwrapping (`sudo`, `env`, `eatmydata`, `xargs`). */
  readonly command: ShellCommand;
  /** The command as the shell parsed it, wrappers and `VAR=value` prefixes included. */
  readonly original: ShellCommand;
  /** The manager's word: `apt-get`, or `pip` of `python3 -m pip`. */
  readonly executable: ShellWord;
  /** The subcommand in lower case, two words for `cache clean`, `config set`, `global add`, `group install`. */
  readonly subcommand: string | undefined;
  readonly subcommandWords: readonly ShellWord[];
  readonly action: PackageAction;
  readonly options: readonly PackageOption[];
  /** Words after the subcommand that are neither options nor option values. */
  readonly operands: readonly ShellWord[];
  /** The operands of an `install`: package names, versions, files, URLs as written. */
  readonly packages: readonly ShellWord[];
  /** Run by `xargs`: more arguments (usually the packages) come from standard input. */
  readonly fromStdin: boolean;
  /** A word of an exec-form `RUN` (`["apt-get", "install", …]`): edits must keep the JSON array valid. */
  readonly execForm: boolean;
}

interface ManagerSpec {
  /** Short options that take a value (getopt style: `-oX`, `-o X`). */
  readonly valueShort: string;
  /** Long options that take a value (`--name value`, `--name=value`). */
  readonly valueLong: ReadonlySet<string>;
  /** Go's flags: `-name` is one long option, never a cluster of letters. */
  readonly singleDashLong?: boolean;
  /** npm/yarn read `--flag true|false` as the flag's value. */
  readonly booleanValues?: boolean;
  /** rpm has no subcommand: its mode is an option (`-i`, `-U`, `-e`). */
  readonly noSubcommand?: boolean;
  /** Subcommands whose next word is part of the subcommand. */
  readonly twoWord?: ReadonlySet<string>;
  readonly family: string;
  readonly actions: Readonly<Record<string, PackageAction>>;
}

const set = (...values: string[]): ReadonlySet<string> => new Set(values);

const APT_ACTIONS: Record<string, PackageAction> = {
  install: 'install', reinstall: 'install', update: 'refresh', upgrade: 'upgrade', 'dist-upgrade': 'dist-upgrade',
  'full-upgrade': 'dist-upgrade', remove: 'remove', purge: 'remove', autoremove: 'remove', 'auto-remove': 'remove', autopurge: 'remove',
  clean: 'clean', autoclean: 'clean', 'auto-clean': 'clean', distclean: 'clean', 'dist-clean': 'clean',
};
const APT: ManagerSpec = {
  valueShort: 'otca',
  valueLong: set('--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles'),
  family: 'apt',
  actions: APT_ACTIONS,
};

const RPM_MD_ACTIONS: Record<string, PackageAction> = {
  install: 'install', in: 'install', localinstall: 'install', groupinstall: 'install', 'group install': 'install', reinstall: 'install',
  update: 'upgrade', upgrade: 'upgrade', up: 'upgrade', 'update-minimal': 'upgrade', 'upgrade-minimal': 'upgrade',
  'distro-sync': 'dist-upgrade', distrosync: 'dist-upgrade', dsync: 'dist-upgrade',
  makecache: 'refresh', mc: 'refresh',
  remove: 'remove', erase: 'remove', rm: 'remove', autoremove: 'remove', groupremove: 'remove', 'group remove': 'remove',
  clean: 'clean', 'config-manager': 'config',
};
const RPM_MD_VALUE_LONG = set(
  '--enablerepo', '--disablerepo', '--repo', '--repoid', '--exclude', '--excludepkgs', '--setopt', '--installroot', '--releasever',
  '--config', '--downloaddir', '--destdir', '--forcearch', '--color', '--comment', '--repofrompath', '--disableplugin',
  '--enableplugin', '--advisory', '--advisories', '--bz', '--cve', '--sec-severity', '--rpmverbosity', '--debuglevel', '--errorlevel',
);
const rpmMd = (family: string): ManagerSpec => ({ valueShort: 'cdexR', valueLong: RPM_MD_VALUE_LONG, twoWord: set('group', 'module'), family, actions: RPM_MD_ACTIONS });

const SPECS: Readonly<Record<PackageManager, ManagerSpec>> = {
  'apt-get': APT,
  apt: APT,
  apk: {
    valueShort: 'Xpt',
    valueLong: set('--repository', '--root', '--virtual', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--timeout', '--progress-fd'),
    twoWord: set('cache'),
    family: 'apk',
    actions: { add: 'install', update: 'refresh', upgrade: 'upgrade', del: 'remove', 'cache clean': 'clean', 'cache purge': 'clean' },
  },
  yum: rpmMd('dnf'),
  dnf: rpmMd('dnf'),
  microdnf: rpmMd('microdnf'),
  tdnf: rpmMd('tdnf'),
  zypper: {
    valueShort: 'trRcDCp',
    valueLong: set('--type', '--repo', '--from', '--root', '--config', '--releasever', '--installroot', '--cache-dir', '--raw-cache-dir',
      '--solv-cache-dir', '--pkg-cache-dir', '--reposd-dir', '--plus-repo', '--userdata', '--download'),
    family: 'zypper',
    actions: {
      install: 'install', in: 'install', refresh: 'refresh', ref: 'refresh', update: 'upgrade', up: 'upgrade', patch: 'upgrade',
      'dist-upgrade': 'dist-upgrade', dup: 'dist-upgrade', remove: 'remove', rm: 'remove', clean: 'clean', cc: 'clean',
    },
  },
  rpm: {
    valueShort: 'r',
    valueLong: set('--root', '--dbpath', '--define', '--eval', '--macros', '--rcfile', '--prefix', '--relocate', '--excludepath', '--pipe'),
    noSubcommand: true,
    family: 'rpm',
    actions: {},
  },
  pip: {
    valueShort: 'rceitfbC',
    valueLong: set('--requirement', '--constraint', '--editable', '--index-url', '--extra-index-url', '--find-links', '--target', '--prefix',
      '--root', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--log',
      '--log-file', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert', '--cache-dir',
      '--no-binary', '--only-binary', '--config-settings', '--global-option', '--install-option', '--build-option', '--python', '--report',
      '--root-user-action', '--use-feature', '--use-deprecated', '--keyring-provider', '--group', '--build'),
    twoWord: set('cache', 'config'),
    family: 'pip',
    actions: { install: 'install', uninstall: 'remove', 'cache purge': 'clean', 'cache remove': 'clean', 'config set': 'config' },
  },
  npm: {
    valueShort: 'wC',
    valueLong: set('--prefix', '--registry', '--tag', '--workspace', '--omit', '--include', '--cache', '--userconfig', '--globalconfig',
      '--loglevel', '--install-strategy', '--otp', '--before', '--location'),
    booleanValues: true,
    twoWord: set('cache', 'config', 'c'),
    family: 'npm',
    actions: {
      install: 'install', i: 'install', in: 'install', ins: 'install', inst: 'install', insta: 'install', instal: 'install',
      isnt: 'install', isnta: 'install', isntal: 'install', isntall: 'install', add: 'install', ci: 'install', 'clean-install': 'install',
      ic: 'install', 'install-clean': 'install', uninstall: 'remove', remove: 'remove', rm: 'remove', un: 'remove', r: 'remove',
      unlink: 'remove', update: 'upgrade', up: 'upgrade', upgrade: 'upgrade', 'cache clean': 'clean', 'config set': 'config',
      'c set': 'config', set: 'config',
    },
  },
  yarn: {
    valueShort: '',
    valueLong: set('--cwd', '--modules-folder', '--cache-folder', '--registry', '--network-timeout', '--mutex', '--global-folder',
      '--link-folder', '--preferred-cache-folder', '--use-yarnrc', '--network-concurrency'),
    booleanValues: true,
    twoWord: set('cache', 'config', 'global'),
    family: 'yarn',
    actions: {
      install: 'install', add: 'install', 'global add': 'install', remove: 'remove', 'global remove': 'remove',
      upgrade: 'upgrade', up: 'upgrade', 'cache clean': 'clean', 'config set': 'config',
    },
  },
  gem: {
    valueShort: 'vinPgs',
    valueLong: set('--version', '--install-dir', '--bindir', '--source', '--trust-policy', '--platform', '--file', '--build-root', '--config-file'),
    family: 'gem',
    actions: { install: 'install', i: 'install', update: 'upgrade', uninstall: 'remove', cleanup: 'clean' },
  },
  go: {
    valueShort: '',
    valueLong: set('-ldflags', '-gcflags', '-asmflags', '-tags', '-mod', '-modfile', '-p', '-pkgdir', '-toolexec', '-overlay', '-C',
      '-o', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix', '-pgo', '-covermode', '-coverpkg'),
    singleDashLong: true,
    family: 'go',
    actions: { install: 'install' },
  },
};

const PIP = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)*)?$/;

/** `yum-config-manager` and `dnf-config-manager` are `config-manager` subcommands under another name. */
const CONFIG_MANAGERS: Readonly<Record<string, PackageManager>> = { 'yum-config-manager': 'yum', 'dnf-config-manager': 'dnf' };

function managerOfName(name: string): PackageManager | undefined {
  if (PIP.test(name)) return 'pip';
  if (name === 'dnf5' || name === 'dnf-3') return 'dnf';
  return Object.hasOwn(SPECS, name) ? (name as PackageManager) : undefined;
}

/** The options of `xargs` that take a value as a separate word. */
const XARGS_VALUE_OPTIONS = new Set(['-a', '-d', '-E', '-e', '-I', '-i', '-L', '-l', '-n', '-P', '-s', '--arg-file', '--delimiter', '--eof', '--replace', '--max-lines', '--max-args', '--max-procs', '--max-chars', '--process-slot-var']);

/** The words after the first `count` arguments, as a command of their own. */
function commandFrom(command: ShellCommand, rest: readonly ShellWord[]): ShellCommand | undefined {
  if (rest.length === 0) return undefined;
  return { ...command, name: rest[0]!.value, nameWord: rest[0], args: rest.slice(1), assignments: [], range: { start: rest[0]!.range.start, end: command.range.end } };
}

/** Unwraps `sudo`/`env`/`nice`/… (shell.ts) and also `eatmydata` and `xargs`. */
function unwrapForPackages(command: ShellCommand): { command: ShellCommand; fromStdin: boolean } {
  let current = command;
  let fromStdin = false;
  for (let guard = 0; guard < 8; guard++) {
    current = unwrapCommand(current);
    const name = current.name === undefined ? '' : baseName(current.name);
    let next: ShellCommand | undefined;
    if (name === 'eatmydata') next = commandFrom(current, current.args);
    else if (name === 'xargs') {
      let index = 0;
      while (index < current.args.length) {
        const value = current.args[index]!.value ?? '';
        if (value === '--') { index++; break; }
        if (!value.startsWith('-') || value === '-') break;
        index += XARGS_VALUE_OPTIONS.has(value) ? 2 : 1;
      }
      next = commandFrom(current, current.args.slice(index));
      fromStdin = true;
    }
    if (!next) return { command: current, fromStdin };
    current = next;
  }
  return { command: current, fromStdin };
}

/**
 * The package-manager call a shell command makes, or undefined when it is not one. `execForm`
 * says the command is the JSON array of an exec-form `RUN` (its words are JSON strings).
 */
export function packageCallOf(original: ShellCommand, execForm = false): PackageCall | undefined {
  const { command, fromStdin } = unwrapForPackages(original);
  if (command.name === undefined || !command.nameWord) return undefined;
  const name = baseName(command.name);
  let manager = managerOfName(name);
  let executable = command.nameWord;
  let words = command.args;
  let impliedSubcommand: string | undefined;
  if (!manager && PYTHON.test(name)) {
    // `python3 -m pip …` (also `-mpip`).
    const first = command.args[0]?.value;
    if (first === '-m' && PIP.test(command.args[1]?.value ?? '')) {
      manager = 'pip';
      executable = command.args[1]!;
      words = command.args.slice(2);
    } else if (first !== undefined && /^-mpip\d*(?:\.\d+)*$/.test(first)) {
      manager = 'pip';
      executable = command.args[0]!;
      words = command.args.slice(1);
    }
  }
  if (!manager && Object.hasOwn(CONFIG_MANAGERS, name)) {
    manager = CONFIG_MANAGERS[name]!;
    impliedSubcommand = 'config-manager';
  }
  if (!manager) return undefined;
  const spec = SPECS[manager];

  const options: PackageOption[] = [];
  const operands: ShellWord[] = [];
  const subcommandWords: ShellWord[] = [];
  let subcommand = impliedSubcommand;
  let endOfOptions = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const value = word.value;
    if (!endOfOptions && value === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && value !== undefined && value.length > 1 && value.startsWith('-')) {
      const option = readOption(spec, words, index, subcommand === undefined && !spec.noSubcommand);
      options.push(option);
      if (option.valueWord) index++;
      continue;
    }
    if (subcommand === undefined && !spec.noSubcommand) {
      subcommandWords.push(word);
      subcommand = (value ?? word.raw).toLowerCase();
      const next = words[index + 1]?.value;
      if (spec.twoWord?.has(subcommand) && next !== undefined && !next.startsWith('-')) {
        subcommandWords.push(words[index + 1]!);
        subcommand = `${subcommand} ${next.toLowerCase()}`;
        index++;
      }
      continue;
    }
    operands.push(word);
  }

  const action = actionOf(manager, spec, subcommand, options);
  return {
    manager,
    family: spec.family,
    command,
    original,
    executable,
    subcommand,
    subcommandWords,
    action,
    options,
    operands,
    packages: action === 'install' ? operands : [],
    fromStdin,
    execForm: execForm && original.depth === 0,
  };
}

function actionOf(manager: PackageManager, spec: ManagerSpec, subcommand: string | undefined, options: readonly PackageOption[]): PackageAction {
  if (manager === 'rpm') {
    if (options.some((option) => /^--(?:install|upgrade|freshen|reinstall)$/.test(option.name) || (option.letters !== undefined && /^[iUF]/.test(option.letters)))) return 'install';
    if (options.some((option) => option.name === '--erase' || option.letters?.startsWith('e'))) return 'remove';
    return 'other';
  }
  // A bare `yarn` (options only) installs from the lockfile.
  if (subcommand === undefined) return manager === 'yarn' ? 'install' : 'other';
  return Object.hasOwn(spec.actions, subcommand) ? spec.actions[subcommand]! : 'other';
}

function readOption(spec: ManagerSpec, words: readonly ShellWord[], index: number, beforeSubcommand: boolean): PackageOption {
  const word = words[index]!;
  const value = word.value!;
  const next = words[index + 1];
  const make = (name: string, letters: string | undefined, optionValue: string | undefined, valueWord: ShellWord | undefined): PackageOption => ({
    name,
    letters,
    value: valueWord ? valueWord.value : optionValue,
    word,
    valueWord,
    range: { start: word.range.start, end: (valueWord ?? word).range.end },
    beforeSubcommand,
  });
  if (value.startsWith('--') || spec.singleDashLong) {
    const equals = value.indexOf('=');
    if (equals > 0) return make(value.slice(0, equals), undefined, value.slice(equals + 1), undefined);
    if (spec.valueLong.has(value) && next) return make(value, undefined, undefined, next);
    if (spec.booleanValues && next && (next.value === 'true' || next.value === 'false')) return make(value, undefined, undefined, next);
    return make(value, undefined, undefined, undefined);
  }
  const letters = value.slice(1);
  // apt's own `-q=2`, `-o=Opt=1`.
  if (/^[A-Za-z]=/.test(letters)) return make(`-${letters[0]}`, letters[0], letters.slice(2), undefined);
  for (let at = 0; at < letters.length; at++) {
    if (!spec.valueShort.includes(letters[at]!)) continue;
    if (at < letters.length - 1) return make(value.slice(0, at + 2), letters.slice(0, at + 1), letters.slice(at + 1), undefined);
    return make(value, letters, undefined, next);
  }
  return make(value, letters, undefined, undefined);
}

/** True when the call has one of these options: short flag letters (also inside clusters such as `-qy`) or long names. */
export function hasOption(call: PackageCall, short: string, long: readonly string[] = []): boolean {
  return call.options.some((option) => optionMatches(option, short, long));
}

export function optionMatches(option: PackageOption, short: string, long: readonly string[] = []): boolean {
  if (long.includes(option.name)) return true;
  if (option.letters === undefined) return false;
  // A value-taking letter ends the flags: `-yo X` has `y`, `-oy` has none.
  const flags = option.value !== undefined || option.valueWord ? option.letters.slice(0, -1) : option.letters;
  return [...short].some((letter) => flags.includes(letter));
}

/**
 * The options of a call with one of these names, e.g. every `-o`/`--option` of apt-get. A short
 * option that takes a value also counts at the end of a cluster: `-yo Opt=1` is a `-o`.
 */
export function optionsNamed(call: PackageCall, ...names: string[]): PackageOption[] {
  return call.options.filter((option) => names.includes(option.name) || (option.letters !== undefined && names.includes(`-${option.letters.slice(-1)}`) && (option.value !== undefined || option.valueWord !== undefined || option.letters.length === 1)));
}

/**
 * Package-manager calls by parsed script, for shell and exec form. A dozen rules ask for the
 * calls of every `RUN`; parsed scripts are reused across edits, so their calls are too.
 */
const callsByShell = new WeakMap<ParsedShell, { shellForm?: readonly PackageCall[]; execForm?: readonly PackageCall[] }>();

/** The package-manager calls of a `RUN`, in order, also those inside `sh -c` scripts. */
export function packageCallsOf(instruction: DockerInstruction): readonly PackageCall[] {
  const shell = instruction.keyword === 'RUN' ? instruction.shell : undefined;
  if (!shell) return [];
  let known = callsByShell.get(shell);
  if (!known) callsByShell.set(shell, (known = {}));
  const form = instruction.execForm ? 'execForm' : 'shellForm';
  let calls = known[form];
  if (!calls) {
    calls = shell.commands.flatMap((command) => packageCallOf(command, instruction.execForm) ?? []);
    known[form] = calls;
  }
  return calls;
}

/** Calls after `call` in the same `RUN` whose manager shares its family, optionally filtered. */
export function laterCalls(calls: readonly PackageCall[], call: PackageCall, filter: (later: PackageCall) => boolean = () => true): PackageCall[] {
  return calls.filter((later) => later.command.range.start > call.command.range.start && later.family === call.family && filter(later));
}

/** The commands of a `RUN` after offset `after`, unwrapped (`sudo rm -rf …` reads as `rm -rf …`). */
export function commandsAfter(instruction: DockerInstruction, after: number): ShellCommand[] {
  return (instruction.shell?.commands ?? []).filter((command) => command.range.start >= after).map((command) => unwrapForPackages(command).command);
}

/** `rm` of a path under one of `prefixes` (`rm -rf /var/lib/apt/lists/*`). */
export function removesPathUnder(command: ShellCommand, prefixes: readonly string[]): boolean {
  if (command.name === undefined || baseName(command.name) !== 'rm') return false;
  return command.args.some((arg) => arg.value !== undefined && prefixes.some((prefix) => arg.value!.startsWith(prefix)));
}

/** Targets of `RUN --mount=type=cache,target=…` (also `dst=`, `destination=`). */
export function cacheMountTargets(instruction: DockerInstruction): string[] {
  const targets: string[] = [];
  for (const flag of instruction.flags) {
    if (flag.name.toLowerCase() !== 'mount' || flag.value === undefined) continue;
    const fields = new Map(flag.value.split(',').map((field) => {
      const equals = field.indexOf('=');
      return equals < 0 ? [field.trim().toLowerCase(), ''] : [field.slice(0, equals).trim().toLowerCase(), field.slice(equals + 1).trim().replace(/^["']|["']$/g, '')];
    }));
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    if (fields.get('type') === 'cache' && target) targets.push(target.replace(/(?<!\/)\/+$/, '') || '/');
  }
  return targets;
}

/** The stage chain of `stage`: itself, then the stages it is built `FROM`. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage; current && chain.length < 64; current = current.baseStage) chain.push(current);
  return chain;
}

/** True when the word's range holds exactly what the parser read (not a widened range inside an escaped `sh -c` string). */
export function isExact(text: string, word: ShellWord): boolean {
  return text.slice(word.range.start, word.range.end) === word.raw;
}

/** Inserts an argument after `after`: ` word` in a shell command, `, "word"` in an exec-form array. */
export function insertArgumentAfter(text: string, call: PackageCall, after: ShellWord, argument: string): TextEdit | undefined {
  if (!isExact(text, after)) return undefined;
  if (call.execForm) return { start: after.range.end, end: after.range.end, newText: `, ${JSON.stringify(argument)}` };
  return insertWordAfter(after.range, argument);
}

/** Removes the words `first`…`last` of the call (an option and its value), keeping an exec-form array valid. */
export function removeArguments(text: string, call: PackageCall, first: ShellWord, last: ShellWord = first): TextEdit | undefined {
  if (!isExact(text, first) || !isExact(text, last)) return undefined;
  if (!call.execForm) return removeWords(text, first.range, last.range);
  const words = [call.command.nameWord!, ...call.command.args];
  const at = words.findIndex((word) => word.range.start === last.range.start);
  const before = words.findIndex((word) => word.range.start === first.range.start) - 1;
  const next = words[at + 1];
  if (next) return { start: first.range.start, end: next.range.start, newText: '' };
  const previous = words[before];
  return previous ? { start: previous.range.end, end: last.range.end, newText: '' } : undefined;
}

/** Replaces one word of the call with another (`--force-yes` → `-y`), quoted as JSON in exec form. */
export function replaceArgument(text: string, call: PackageCall, word: ShellWord, replacement: string): TextEdit | undefined {
  if (!isExact(text, word)) return undefined;
  return { ...word.range, newText: call.execForm ? JSON.stringify(replacement) : replacement };
}

/**
 * Where ` && <command>` can be appended to a `RUN` so it runs after everything else: the end
 * of its last top-level command, when only blanks follow up to the end of the instruction.
 * Undefined for exec form, heredoc scripts, and lists ending in `;`, `&`, a redirection, a
 * comment or a compound command (`… )`, `fi`), where appending would change what runs.
 */
export function appendOffset(text: string, instruction: DockerInstruction): number | undefined {
  const shell = instruction.shell;
  if (!shell || shell.error || instruction.execForm) return undefined;
  const topLevel = shell.commands.filter((command) => command.depth === 0);
  const last = topLevel.reduce<ShellCommand | undefined>((latest, command) => (!latest || command.range.end > latest.range.end ? command : latest), undefined);
  if (!last) return undefined;
  return /^[ \t\r\n]*$/.test(text.slice(last.range.end, instruction.range.end)) ? last.range.end : undefined;
}

/** The manager's command name as written (`yum`, `dnf5`, `microdnf`; `pip3` for `python3 -m pip3`). */
export function executableName(call: PackageCall): string {
  const written = call.executable.value ?? call.manager;
  return written.startsWith('-m') ? written.slice(2) : baseName(written);
}

/** `apt-get install` as written, for messages (`python3 -m pip install`, `yarn global add`). */
export function describeCall(call: PackageCall): string {
  const name = baseName(call.command.name ?? call.manager);
  const written = call.executable.value ?? call.manager;
  const executable = call.executable === call.command.nameWord ? name : written.startsWith('-m') ? `${name} ${written}` : `${name} -m ${written}`;
  return [executable, ...call.subcommandWords.map((word) => word.value ?? word.raw)].join(' ');
}

/** The range from the manager's word to its subcommand (`apt-get -q install`), or the word alone. */
export function callHeadRange(call: PackageCall): OffsetRange {
  const last = call.subcommandWords[call.subcommandWords.length - 1];
  return { start: (call.command.nameWord ?? call.executable).range.start, end: (last ?? call.executable).range.end };
}

import { baseName, unwrapCommand, type ShellCommand, type ShellWord } from '../../dockerfile/shell';
import type { OffsetRange } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const curlPipeShell: DockerfileRule = {
  meta: {
    id: 'dockerfile/curl-pipe-shell',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'A downloaded script is run without being verified',
    rationale:
      '`curl … | sh` runs whatever the server sends at build time, unchecked: a compromised or hijacked download site, or a changed script, goes straight into the image with root rights, and a download cut off half-way runs half a script. Reported when the output of `curl` or `wget` is piped, directly or through other commands (`| tee log | sh`), into a shell (`sh`, `bash`, `dash`, `ash`, `zsh`, `ksh`) or an interpreter (`python`, `perl`, `ruby`, `node`, `php`) that reads its program from standard input (no script file, `-s`, or `-`), also behind `sudo`/`env`; and when a download is run through process substitution (`bash <(curl …)`, `source <(curl …)`) or command substitution (`sh -c "$(curl …)"`, `eval "$(curl …)"`). Piping into a program that does not execute its input (`| tar xz`, `| sh -c \'cat > file\'`) is not reported.',
    remediation:
      'Download to a file, verify it against a checksum or signature published out of band, then run it: `curl -fsSLo install.sh https://… && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. Better still, install a pinned package or copy the tool from a versioned image (`COPY --from=`).',
    messages: {
      pipe: '`{downloader}` output is piped into `{interpreter}`: the downloaded script runs unverified. Download it to a file, check its checksum, then run it.',
      substitution: '`{interpreter}` runs what `{downloader}` downloads, unverified. Download it to a file, check its checksum, then run it.',
    },
    fix: 'none',
    equivalents: { cis: ['4.11'] },
    references: ['https://docs.docker.com/build/building/best-practices/#using-pipes', 'CIS Docker Benchmark 4.11'],
    example: {
      insecure: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n',
      secure:
        'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const commands = instruction.shell?.commands ?? [];
      const downloads = commands.filter((command) => isDownloader(unwrapCommand(command)));
      if (downloads.length === 0) continue;
      for (const command of commands) {
        const interpreter = unwrapCommand(command);
        const name = interpreter.name === undefined ? '' : baseName(interpreter.name);
        // A download piped, through any number of commands, into an interpreter reading stdin.
        if (command.pipeline !== undefined && INTERPRETERS.has(interpreterFamily(name)) && readsProgramFromStdin(interpreterFamily(name), interpreter.args)) {
          const source = downloads.find((download) => download.pipeline === command.pipeline && download.range.start < command.range.start);
          if (source) {
            context.report({
              messageId: 'pipe',
              data: { downloader: baseName(unwrapCommand(source).name!), interpreter: name },
              range: { start: source.range.start, end: command.range.end },
            });
            continue;
          }
        }
        // `bash <(curl …)`, `sh -c "$(curl …)"`, `eval "$(curl …)"`, `source <(wget -O- …)`.
        const substituted = substitutedProgram(interpreterFamily(name), interpreter.args);
        if (!substituted) continue;
        const source = downloads.find((download) => within(download.range, substituted.range));
        if (!source) continue;
        context.report({
          messageId: 'substitution',
          data: { downloader: baseName(unwrapCommand(source).name!), interpreter: name },
          range: command.range,
        });
      }
    }
  },
};

const DOWNLOADERS = new Set(['curl', 'wget']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const INTERPRETERS = new Set([...SHELLS, 'python', 'perl', 'ruby', 'node', 'php']);

function isDownloader(command: ShellCommand): boolean {
  return command.name !== undefined && DOWNLOADERS.has(baseName(command.name));
}

/** `python3.12` → `python`, `nodejs` → `node`; shells and others as they are. */
function interpreterFamily(name: string): string {
  if (/^python[0-9.]*$/.test(name)) return 'python';
  if (name === 'nodejs') return 'node';
  if (/^(?:perl|ruby|php)[0-9.]*$/.test(name)) return name.replace(/(?<![0-9.])[0-9.]+$/, '');
  return name;
}

/** Options that take the program from an argument instead of stdin or a file. */
const PROGRAM_ARGUMENT: Readonly<Record<string, RegExp>> = {
  shell: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  python: /^-(?:[a-zA-Z]*[cm].*)$/,
  perl: /^-[a-zA-Z]*[eE]/,
  ruby: /^-[a-zA-Z]*e/,
  node: /^(?:-[a-zA-Z]*[ep][a-zA-Z]*|--eval|--print|--eval=.*|--print=.*)$/,
  php: /^-[a-zA-Z]*r/,
};
/** Options whose value is the next word. */
const OPTION_WITH_VALUE: Readonly<Record<string, ReadonlySet<string>>> = {
  shell: new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']),
  python: new Set(['-W', '-X']),
  perl: new Set([]),
  ruby: new Set(['-r', '-I', '-C']),
  node: new Set(['-r', '--require', '--import', '--loader']),
  php: new Set(['-c', '-d', '-z']),
};

function kindOf(family: string): string {
  return SHELLS.has(family) ? 'shell' : family;
}

/** True when the interpreter reads its program from standard input: no script operand (or `-`), or `sh -s`. */
function readsProgramFromStdin(family: string, args: readonly ShellWord[]): boolean {
  const kind = kindOf(family);
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === undefined) return false;
    if (value === '-' || value === '--' && args[index + 1]?.value === '-') return true;
    if (value === '--') return index + 1 >= args.length;
    if (!value.startsWith('-') && !(kind === 'shell' && value.startsWith('+'))) return false;
    if (PROGRAM_ARGUMENT[kind]?.test(value)) return false;
    if (kind === 'shell' && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(value)) return true;
    if (OPTION_WITH_VALUE[kind]?.has(value)) index++;
  }
  return true;
}

/**
 * The argument that is the program itself when it comes from a substitution: the script operand
 * of an interpreter (`bash <(curl …)`), the script of `-c` (`sh -c "$(curl …)"`), or any operand
 * of `eval`, `source` and `.`.
 */
function substitutedProgram(family: string, args: readonly ShellWord[]): ShellWord | undefined {
  const isSubstitution = (word: ShellWord) => /^(?:<\(.*\)|"?\$\(.*\)"?|"?`.*`"?)$/s.test(word.raw);
  if (family === 'eval' || family === 'source' || family === '.') return args.find(isSubstitution);
  if (!INTERPRETERS.has(family)) return undefined;
  const kind = kindOf(family);
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const value = word.value;
    if (value !== undefined && PROGRAM_ARGUMENT[kind]?.test(value)) {
      const script = args[index + 1];
      return script && isSubstitution(script) ? script : undefined;
    }
    if (value !== undefined && (value.startsWith('-') || (kind === 'shell' && value.startsWith('+')))) {
      if (OPTION_WITH_VALUE[kind]?.has(value)) index++;
      continue;
    }
    // The first operand is the script.
    return /^<\(/.test(word.raw) ? word : undefined;
  }
  return undefined;
}

function within(inner: OffsetRange, outer: OffsetRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

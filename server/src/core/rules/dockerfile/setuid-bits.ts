import { baseName, unwrapCommand, type ShellCommand, type ShellWord } from '../../dockerfile/shell';
import type { DockerfileRule } from '../define';

export const setuidBits: DockerfileRule = {
  meta: {
    id: 'dockerfile/setuid-bits',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A build step sets the setuid or setgid bit',
    rationale:
      'A setuid (or setgid) executable runs with its owner\'s (or group\'s) rights whoever starts it: a setuid-root binary in the image is a ready-made way for a compromised non-root process to become root, and each one is attack surface the CIS Docker Benchmark asks to remove. Reported: `chmod` with a mode that adds the bit, symbolic (`u+s`, `g+s`, `+s`, `a+s`, `u=rwxs`) or numeric (`4755`, `2755`, `6755`, any mode with `04000` or `02000`), `install -m`/`--mode` with such a mode, and `COPY`/`ADD --chmod=` with one; also behind `sudo` and in `sh -c` scripts, heredocs and exec form. Removing the bits (`u-s`, `a-s`) is fine. Setgid on a shared directory (so new files inherit its group) is a common and mostly harmless use: it is reported with its own message, at the same low severity.',
    remediation:
      'Do not add setuid/setgid bits; if a program needs a privilege, grant the one capability it needs at runtime instead (`--cap-add`, Kubernetes `capabilities.add`). To strip existing bits from an image: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true`.',
    messages: {
      setuid: '`{mode}` sets the setuid bit: the file will run as its owner (often root) for anyone who starts it. Remove the `s` bit unless it is truly needed.',
      setgid: '`{mode}` sets the setgid bit: files run with their group\'s rights (on a directory, new files inherit its group). Remove it unless that is intended.',
    },
    fix: 'none',
    equivalents: { cis: ['4.8'] },
    references: ['CIS Docker Benchmark 4.8', 'https://man7.org/linux/man-pages/man1/chmod.1.html'],
    example: {
      insecure: 'FROM debian:12\nCOPY tool /usr/local/bin/tool\nRUN chmod u+s /usr/local/bin/tool\n',
      secure: 'FROM debian:12\nCOPY --chmod=755 tool /usr/local/bin/tool\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        // `COPY --chmod=4755` sets the bits as the file lands.
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'chmod' || !flag.value) continue;
          const bits = specialBits(flag.value);
          if (bits !== 'none') context.report({ messageId: bits, data: { mode: `--chmod=${flag.value}` }, range: flag.range });
        }
        continue;
      }
      if (instruction.keyword !== 'RUN') continue;
      for (const command of instruction.shell?.commands ?? []) {
        const mode = modeWord(unwrapCommand(command));
        if (!mode?.value) continue;
        const bits = specialBits(mode.value);
        if (bits === 'none') continue;
        context.report({ messageId: bits, data: { mode: mode.value }, range: mode.range });
      }
    }
  },
};

/** chmod's own options (none takes a separate value); mode letters (`-w`, `-s`) are not among them. */
const CHMOD_OPTIONS = /^(?:-[RvcfHLP]+|--(?:recursive|verbose|changes|silent|quiet|no-preserve-root|preserve-root|dereference|no-dereference))$/;

/** The mode word of `chmod [options] MODE FILE…` or `install -m MODE …`. */
function modeWord(command: ShellCommand): ShellWord | undefined {
  const name = command.name === undefined ? '' : baseName(command.name);
  if (name === 'chmod') {
    for (const arg of command.args) {
      if (arg.value === undefined) return undefined;
      if (arg.value === '--') continue;
      // `-w`, `-s` are modes (removals), not options.
      if (CHMOD_OPTIONS.test(arg.value)) continue;
      // `--reference=FILE` copies another file's mode: nothing to read here.
      if (arg.value.startsWith('--reference')) return undefined;
      return arg;
    }
    return undefined;
  }
  if (name === 'install') {
    for (let index = 0; index < command.args.length; index++) {
      const arg = command.args[index]!;
      if (arg.value === '-m' || arg.value === '--mode') return command.args[index + 1];
      if (arg.value && /^(?:-m|--mode=)./.test(arg.value)) {
        const value = arg.value.replace(/^(?:-m|--mode=)/, '');
        return { ...arg, value };
      }
    }
  }
  return undefined;
}

/** Which special bit a mode adds: `setuid` wins over `setgid`; `none` when it adds neither. */
export function specialBits(mode: string): 'setuid' | 'setgid' | 'none' {
  if (/^[0-7]{1,5}$/.test(mode)) {
    const value = parseInt(mode, 8);
    return value & 0o4000 ? 'setuid' : value & 0o2000 ? 'setgid' : 'none';
  }
  let setuid = false;
  let setgid = false;
  for (const clause of mode.split(',')) {
    const match = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!match) continue;
    const who = match[1]!;
    for (const action of match[2]!.match(/[-+=][rwxXstugo]*/g) ?? []) {
      if (action[0] === '-' || !action.includes('s')) continue;
      if (who === '' || who.includes('a') || who.includes('u')) setuid = true;
      if (who === '' || who.includes('a') || who.includes('g')) setgid = true;
    }
  }
  return setuid ? 'setuid' : setgid ? 'setgid' : 'none';
}

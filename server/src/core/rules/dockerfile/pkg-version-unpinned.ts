import { describeCall, optionsNamed, packageCallsOf, type PackageCall, type PackageManager } from '../../dockerfile/package-managers';
import type { ShellWord } from '../../dockerfile/shell';
import type { DockerfileRule } from '../define';

export const pkgVersionUnpinned: DockerfileRule = {
  meta: {
    id: 'dockerfile/pkg-version-unpinned',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A package is installed without a version',
    rationale:
      'A package installed without a version is whatever the repository serves on the day of the build: rebuilding the same Dockerfile later gives a different image, and a compromised or broken release is picked up silently. Checked for `apt-get`/`apt install`, `apk add`, `yum`/`dnf`/`microdnf`/`tdnf install`, `zypper install`, `pip install` (also `pip3`, `python -m pip`), `npm install`, `yarn add`, `gem install` and `go install`, each package word on its own. Not reported: packages from requirement or constraint files (`pip install -r`, `-c`), lock files (`npm ci`, `npm install` and `yarn install` without packages), local paths, archives, wheels and URLs (`.`, `./pkg`, `*.deb`, `*.rpm`, `*.whl`, `git+https://…`), groups and patterns (`@group`, `zypper -t pattern`), and words a variable decides (`$PACKAGES`, `curl=$CURL_VERSION`). `@latest` (and, for `go install`, a branch such as `@master`) is reported: it does not pin.',
    remediation:
      'Pin each package the way its manager spells a version: `curl=8.5.0-2` (apt, apk, zypper), `httpd-2.4.57` (yum/dnf), `flask==3.0.3` (pip), `left-pad@1.3.0` (npm, yarn), `rails:7.1.3` or `gem install rails -v 7.1.3`, `golang.org/x/tools/gopls@v0.16.1` (go; `@latest` does not pin). For pip and npm, prefer a lock or requirements file with hashes.',
    messages: {
      unpinned: '`{package}` is installed by `{command}` without a version: pin it (`{form}`) so rebuilds install the same thing.',
      floating: '`{package}` is installed by `{command}` at a moving version (`@{version}`): pin an exact version (`{form}`).',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'], cis: ['4.11'] },
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://github.com/hadolint/hadolint/wiki/DL3008', 'CIS Docker Benchmark 4.11'],
    example: {
      insecure: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      secure: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      for (const call of packageCallsOf(instruction)) {
        if (call.action !== 'install' || !PIN_FORMS[call.manager]) continue;
        for (const word of unpinnedPackages(call)) {
          const name = word.value ?? word.raw;
          const floating = FLOATING.exec(name);
          const bare = floating ? name.slice(0, floating.index) : name;
          context.report({
            messageId: floating ? 'floating' : 'unpinned',
            data: { package: name, command: describeCall(call), form: PIN_FORMS[call.manager]!(bare), version: floating?.[1] ?? '' },
            range: word.range,
          });
        }
      }
    }
  },
};

const PIN_FORMS: Partial<Record<PackageManager, (name: string) => string>> = {
  'apt-get': (name) => `${name}=<version>`,
  apt: (name) => `${name}=<version>`,
  apk: (name) => `${name}=<version>`,
  zypper: (name) => `${name}=<version>`,
  yum: (name) => `${name}-<version>`,
  dnf: (name) => `${name}-<version>`,
  microdnf: (name) => `${name}-<version>`,
  tdnf: (name) => `${name}-<version>`,
  pip: (name) => `${name}==<version>`,
  npm: (name) => `${name}@<version>`,
  yarn: (name) => `${name}@<version>`,
  gem: (name) => `${name}:<version>`,
  go: (name) => `${name}@<version>`,
};

/** `@latest` (npm, yarn, go) and the branch names `go install` also accepts: they move. */
const FLOATING = /@(latest|next|master|main|HEAD)$/;

/** A local file, directory, archive or URL: not a package a repository resolves by name. */
function isLocalOrRemote(value: string): boolean {
  return value === '.' || value === '..' || /^[./~]/.test(value) || /^[a-z][a-z0-9+.-]*:/i.test(value) || /\.(?:deb|rpm|apk|whl|gem|tgz|tar(?:\.\w+)?|zip)$/i.test(value);
}

function unpinnedPackages(call: PackageCall): ShellWord[] {
  switch (call.manager) {
    case 'pip':
      // A constraints file pins what the command line names; `-r`/`-e` values are options, not packages.
      if (optionsNamed(call, '-c', '--constraint').length > 0) return [];
      return call.packages.filter((word) => judge(word, (value) => isLocalOrRemote(value) || value.includes('/') || /^git\+/.test(value), (value) => /(?:[=<>!~]=|[<>]|@)/.test(value)));
    case 'npm':
    case 'yarn':
      return call.packages.filter((word) =>
        judge(
          word,
          // `user/repo` is a GitHub dependency; `@scope/name` is a package.
          (value) => isLocalOrRemote(value) || (!value.startsWith('@') && value.includes('/')),
          (value) => value.lastIndexOf('@') > 0 && !FLOATING.test(value),
        ));
    case 'go':
      return call.packages.filter((word) => judge(word, (value) => /^[./]/.test(value), (value) => value.includes('@') && !FLOATING.test(value)));
    case 'gem':
      if (optionsNamed(call, '-v', '--version').length > 0) return [];
      return call.packages.filter((word) => judge(word, isLocalOrRemote, (value) => /:[^:]/.test(value)));
    case 'apt-get':
    case 'apt':
      return call.packages.filter((word) => judge(word, isLocalOrRemote, (value) => value.includes('=')));
    case 'apk':
      return call.packages.filter((word) => judge(word, isLocalOrRemote, (value) => /[=<>~]/.test(value)));
    case 'zypper': {
      const type = optionsNamed(call, '-t', '--type')[0]?.value;
      if (type !== undefined && type !== 'package') return [];
      return call.packages.filter((word) => judge(word, isLocalOrRemote, (value) => /[=<>]/.test(value) || rpmVersioned(value)));
    }
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
      // Groups (`groupinstall`, `@group`), files and provides (`/usr/bin/x`, `pkgconfig(x)`) carry no version.
      if (call.subcommand !== 'install' && call.subcommand !== 'in' && call.subcommand !== 'reinstall') return [];
      return call.packages.filter((word) => judge(word, (value) => isLocalOrRemote(value) || /^@|[()]/.test(value), rpmVersioned));
    default:
      return [];
  }
}

/**
 * Whether a package word is unpinned: words that are local or remote are not judged; words a
 * variable decides only count as pinned or skipped (a `$VERSION` after a separator pins).
 */
function judge(word: ShellWord, skip: (value: string) => boolean, pinned: (value: string) => boolean): boolean {
  if (word.value === undefined) return false;
  if (word.value === '' || skip(word.value)) return false;
  return !pinned(word.value);
}

/** `httpd-2.4.57`, `httpd-2.4.57-1.el9`, `bash-0:5.1`: the part after the last `-` starts with a digit. */
function rpmVersioned(value: string): boolean {
  const dash = value.lastIndexOf('-');
  return dash > 0 && /^\d/.test(value.slice(dash + 1));
}

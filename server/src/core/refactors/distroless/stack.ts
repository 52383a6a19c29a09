/**
 * Stack and artefact detection for the distroless refactoring: from the image a stage is built
 * on and its `RUN` commands, which runtime image fits and which files the final stage needs.
 * Anything not recognised with certainty gives undefined: a wrong rewrite is worse than none.
 */
import type { TextEdit } from '../../engine/types';
import { baseName } from '../../dockerfile/shell';
import { cgoDisabled, optionValue, resolvePath, type RunCommand, type StageFacts } from './facts';

export type StackName = 'go' | 'rust' | 'c' | 'node' | 'python' | 'java';

/** How the final stage runs the program, once its argv is known. */
export interface Resolved {
  /** The argv to run: the first word rewritten to the copied artefact or the runtime's interpreter. */
  readonly words: readonly string[];
  /** Absolute paths copied from the build stage (each to the same path). */
  readonly copies: readonly string[];
}

export interface Stack {
  readonly name: StackName;
  /** The distroless runtime image, or undefined when none fits (the C library or version differs). */
  readonly distroless: string | undefined;
  /** The Alpine-based runtime image for programs that need a shell, or undefined when the program would not run there. */
  readonly alpine: string | undefined;
  /** True when the distroless image has an ENTRYPOINT of its own (the interpreter): the argv then goes to ENTRYPOINT. */
  readonly interpreter: boolean;
  /** Resolves an exec argv (`words[0]` is the program) run in `cwd`; undefined when the artefact cannot be determined. */
  resolve(words: readonly string[], cwd: string | undefined): Resolved | undefined;
  /** For the Alpine variant: what to copy when a shell reads the start command `script`. */
  shellCopies(script: string, cwd: string | undefined): readonly string[] | undefined;
  /** `ENV` lines the runtime stage needs (`PYTHONPATH`). */
  readonly env: readonly string[];
  /** Edits to the build stage's instructions, and instructions appended to the build stage. */
  readonly buildEdits: readonly TextEdit[];
  readonly buildTail: readonly string[];
}

export const STATIC = 'gcr.io/distroless/static-debian12:nonroot';
const BASE = 'gcr.io/distroless/base-debian12:nonroot';
const CC = 'gcr.io/distroless/cc-debian12:nonroot';
export const ALPINE = 'alpine:3.23';

/** Directories on the default `PATH` of the toolchain images. */
const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', '/go/bin', '/usr/local/go/bin', '/usr/local/cargo/bin'];

/** Where a build writes its programs: exact files, or directories holding programs of any name. */
interface Outputs {
  readonly files: string[];
  /** `onPath`: a bare program name finds it; `nested`: programs may sit in subdirectories. */
  readonly dirs: { readonly dir: string; readonly onPath: boolean; readonly nested?: boolean }[];
}

export function detectStack(facts: StageFacts): Stack | undefined {
  if (facts.repository === '') return undefined;
  return goStack(facts) ?? rustStack(facts) ?? javaStack(facts) ?? nodeStack(facts) ?? pythonStack(facts) ?? cStack(facts);
}

const isAlpineTag = (tag: string) => /(?:^|[-.])alpine/.test(tag);

function compiledStack(name: StackName, facts: StageFacts, outputs: Outputs, isStatic: boolean, distroless: string | undefined): Stack | undefined {
  if (outputs.files.length === 0 && outputs.dirs.length === 0) return undefined;
  if (!isStatic && needsRuntimeLibraries(facts)) distroless = undefined;
  const path = [...DEFAULT_PATH, ...pathOf(facts)];
  const match = (program: string, cwd: string | undefined): string | undefined => {
    if (program.includes('/')) {
      const absolute = resolvePath(program, cwd);
      if (!absolute) return undefined;
      const dir = absolute.slice(0, absolute.lastIndexOf('/')) || '/';
      if (outputs.files.includes(absolute)) return absolute;
      return outputs.dirs.some((candidate) => candidate.dir === dir || (candidate.nested && absolute.startsWith(`${candidate.dir}/`))) ? absolute : undefined;
    }
    const file = outputs.files.find((candidate) => baseName(candidate) === program && path.includes(candidate.slice(0, candidate.lastIndexOf('/'))));
    if (file) return file;
    const dir = outputs.dirs.find((candidate) => candidate.onPath);
    return dir && /^[A-Za-z0-9_.+-]+$/.test(program) ? `${dir.dir}/${program}` : undefined;
  };
  return {
    name,
    distroless,
    alpine: isStatic ? ALPINE : undefined,
    interpreter: false,
    resolve(words, cwd) {
      const artefact = words[0] === undefined ? undefined : match(words[0], cwd);
      return artefact ? { words: [artefact, ...words.slice(1)], copies: [artefact] } : undefined;
    },
    shellCopies(script, cwd) {
      // The artefacts the script names (by path, or by name on PATH), else every known output file.
      const named = script
        .split(/[\s;&|()]+/)
        .map((token) => token.replace(/^["']|["']$/g, ''))
        .filter((token) => /^[A-Za-z0-9_./+-]+$/.test(token) && (token.includes('/') || outputs.files.some((file) => baseName(file) === token)))
        .map((token) => match(token, cwd))
        .filter((path): path is string => path !== undefined);
      const copies = named.length > 0 ? named : outputs.files;
      return copies.length > 0 ? [...new Set(copies)] : undefined;
    },
    env: [],
    buildEdits: [],
    buildTail: [],
  };
}

function goStack(facts: StageFacts): Stack | undefined {
  if (facts.repository !== 'golang') return undefined;
  const builds = facts.runs.filter((run) => run.name === 'go' && (run.args[0] === 'build' || run.args[0] === 'install'));
  if (builds.length === 0 || facts.env.has('GOBIN') || facts.env.has('GOPATH')) return undefined;
  const outputs: Outputs = { files: [], dirs: [] };
  for (const run of builds) {
    if (run.args[0] === 'install') {
      outputs.dirs.push({ dir: '/go/bin', onPath: true });
      continue;
    }
    const out = optionValue(run.args, '-o');
    if (out === undefined && run.args.some((arg) => arg === '-o' || arg?.startsWith('-o='))) return undefined;
    const target = resolvePath(out ?? '.', run.cwd);
    if (!target) return undefined;
    if (out === undefined || out.endsWith('/')) outputs.dirs.push({ dir: target, onPath: DEFAULT_PATH.includes(target) });
    else outputs.files.push(target);
  }
  const isStatic = builds.every((run) => cgoDisabled(facts, run));
  // A cgo build on Alpine links musl, which no distroless image has.
  const distroless = isStatic ? STATIC : isAlpineTag(facts.tag) ? undefined : BASE;
  return compiledStack('go', facts, outputs, isStatic, distroless);
}

function rustStack(facts: StageFacts): Stack | undefined {
  if (facts.repository !== 'rust') return undefined;
  const builds = facts.runs.filter((run) => run.name === 'cargo' && (run.args[0] === 'build' || run.args[0] === 'install'));
  if (builds.length === 0) return undefined;
  const outputs: Outputs = { files: [], dirs: [] };
  let musl = isAlpineTag(facts.tag);
  for (const run of builds) {
    const target = optionValue(run.args, '--target');
    if (target?.includes('musl')) musl = true;
    if (run.args[0] === 'install') {
      const root = optionValue(run.args, '--root') ?? facts.env.get('CARGO_INSTALL_ROOT') ?? facts.env.get('CARGO_HOME') ?? '/usr/local/cargo';
      const dir = resolvePath(`${root}/bin`, run.cwd);
      if (!dir) return undefined;
      outputs.dirs.push({ dir, onPath: dir === '/usr/local/cargo/bin' });
      continue;
    }
    const profile = run.args.includes('--release') || run.args.includes('-r') ? 'release' : optionValue(run.args, '--profile') ?? 'debug';
    const targetDir = resolvePath(optionValue(run.args, '--target-dir') ?? facts.env.get('CARGO_TARGET_DIR') ?? 'target', run.cwd);
    if (!targetDir) return undefined;
    outputs.dirs.push({ dir: `${targetDir}${target ? `/${target}` : ''}/${profile}`, onPath: false });
  }
  return compiledStack('rust', facts, outputs, musl, musl ? STATIC : CC);
}

const C_COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++']);

function cStack(facts: StageFacts): Stack | undefined {
  const outputs: Outputs = { files: [], dirs: [] };
  for (const run of facts.runs) {
    const isStatic = run.args.some((arg) => arg !== undefined && /(?:^|[\s=])-static(?:\s|$)/.test(arg));
    if (C_COMPILERS.has(run.name) && isStatic) {
      const out = optionValue(run.args, '-o');
      const file = out === undefined ? undefined : resolvePath(out, run.cwd);
      if (file) outputs.files.push(file);
    } else if (run.name === 'make' && isStatic && run.cwd) {
      outputs.dirs.push({ dir: run.cwd, onPath: false, nested: true });
    }
  }
  return compiledStack('c', facts, outputs, true, STATIC);
}

const JAVA_IMAGES = new Set(['maven', 'gradle', 'eclipse-temurin', 'openjdk', 'amazoncorretto']);
const JAVA_BUILDS = new Set(['mvn', 'mvnw', 'gradle', 'gradlew']);

/** Java major of a JDK or build-tool image tag: `21`, `17-jdk`, `3.9-eclipse-temurin-17`, `8.5-jdk17`. */
export function javaMajor(repository: string, tag: string): number | undefined {
  const match = repository === 'maven' || repository === 'gradle'
    ? /(?:jdk|temurin|openjdk|corretto|java)-?(\d+)(?![\d.])/.exec(tag)
    : /^(\d+)(?![\d])/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

function javaStack(facts: StageFacts): Stack | undefined {
  if (!JAVA_IMAGES.has(facts.repository)) return undefined;
  const major = javaMajor(facts.repository, facts.tag);
  if (major === undefined) return undefined;
  const builds = facts.runs.some((run) => JAVA_BUILDS.has(run.name));
  const copiedJar = facts.own.some(
    (instruction) => (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.flags.some((flag) => flag.name === 'from') && instruction.args.slice(0, -1).some((arg) => /\.jar["']?$/.test(arg.value)),
  );
  if (!builds && !copiedJar) return undefined;
  const jarOf = (words: readonly string[], cwd: string | undefined): string | undefined => {
    const index = words.indexOf('-jar');
    const jar = index < 0 ? undefined : words[index + 1];
    return jar !== undefined && jar.endsWith('.jar') ? resolvePath(jar, cwd) : undefined;
  };
  return {
    name: 'java',
    distroless: major === 17 || major === 21 ? `gcr.io/distroless/java${major}-debian12:nonroot` : undefined,
    alpine: [8, 11, 17, 21].includes(major) ? `eclipse-temurin:${major}-jre-alpine` : undefined,
    interpreter: true,
    resolve(words, cwd) {
      if (words[0] === undefined || baseName(words[0]) !== 'java') return undefined;
      const jar = jarOf(words, cwd);
      return jar ? { words: ['/usr/bin/java', ...words.slice(1)], copies: [jar] } : undefined;
    },
    shellCopies(script, cwd) {
      const jar = jarOf(script.split(/\s+/), cwd);
      return jar ? [jar] : undefined;
    },
    env: [],
    buildEdits: [],
    buildTail: [],
  };
}

/** Node majors distroless publishes (nodejs18 was withdrawn at its end of life). */
export const DISTROLESS_NODE_MAJORS = [20, 22, 24];

function nodeStack(facts: StageFacts): Stack | undefined {
  if (facts.repository !== 'node' || isAlpineTag(facts.tag)) return undefined;
  const major = /^(\d+)(?![\d])/.exec(facts.tag);
  if (!major || !DISTROLESS_NODE_MAJORS.includes(Number(major[1]))) return undefined;
  const installs = facts.runs.filter((run) => run.name === 'npm' && (run.args[0] === 'ci' || run.args[0] === 'install' || run.args[0] === 'i'));
  // `npm install express` adds a package: not the project's install.
  if (installs.length === 0 || installs.some((run) => run.args.slice(1).some((arg) => arg === undefined || !arg.startsWith('-')))) return undefined;
  const app = facts.workdir;
  if (!app || app === '/' || needsRuntimeLibraries(facts)) return undefined;
  const { edits, tail } = productionDependencies(facts, installs);
  return {
    name: 'node',
    distroless: `gcr.io/distroless/nodejs${major[1]}-debian12:nonroot`,
    alpine: undefined,
    interpreter: true,
    resolve(words, cwd) {
      if (words[0] === undefined || !['node', 'nodejs'].includes(baseName(words[0]))) return undefined;
      const script = words.slice(1).find((word) => !word.startsWith('-'));
      // The script must be part of the copied application (`node` alone takes it from CMD).
      const path = script === undefined ? app : resolvePath(script, cwd);
      if (!path || !(path === app || path.startsWith(`${app}/`))) return undefined;
      return { words: ['/nodejs/bin/node', ...words.slice(1)], copies: [app] };
    },
    shellCopies: () => undefined,
    env: [],
    buildEdits: edits,
    buildTail: tail,
  };
}

/**
 * Only production dependencies go to the runtime image. When nothing after the install runs a
 * build (`npm run`, `npx`, …), the install itself gets `--omit=dev`; otherwise the build needs
 * the dev dependencies, and `npm prune --omit=dev` runs at the end of the build stage.
 */
function productionDependencies(facts: StageFacts, installs: readonly RunCommand[]): { edits: TextEdit[]; tail: string[] } {
  const omits = (run: RunCommand) => run.args.some((arg) => arg !== undefined && /^--(?:omit=dev|production|only=prod(?:uction)?)$/.test(arg));
  if (facts.env.get('NODE_ENV') === 'production' || installs.every(omits)) return { edits: [], tail: [] };
  const firstInstall = installs[0]!.instruction.range.start;
  const builds = facts.runs.some(
    (run) => run.instruction.range.start >= firstInstall && ((run.name === 'npm' && !['ci', 'install', 'i', 'prune', 'cache', 'config'].includes(run.args[0] ?? '')) || run.name === 'npx'),
  );
  const editable = installs.every((run) => !run.instruction.execForm && run.command.depth === 0 && facts.model.text.slice(run.command.args[0]!.range.start, run.command.args[0]!.range.end) === run.args[0]);
  if (builds || !editable) return { edits: [], tail: ['RUN npm prune --omit=dev'] };
  const edits = installs.filter((run) => !omits(run)).map((run) => ({ start: run.command.args[0]!.range.end, end: run.command.args[0]!.range.end, newText: ' --omit=dev' }));
  return { edits, tail: [] };
}

/** Console scripts that are also runnable as `python -m <name>`. */
const PYTHON_MODULES = new Set(['gunicorn', 'uvicorn', 'flask', 'celery', 'hypercorn', 'daphne', 'pytest']);

function pythonStack(facts: StageFacts): Stack | undefined {
  // distroless/python3-debian12 runs Debian 12's Python 3.11: only 3.11 builds load there.
  if (facts.repository !== 'python' || isAlpineTag(facts.tag) || !/^3\.11(?:[.-]|$)/.test(facts.tag)) return undefined;
  const app = facts.workdir;
  if (!app || app === '/' || facts.env.has('PYTHONPATH') || needsRuntimeLibraries(facts)) return undefined;
  const venvs: string[] = [];
  const targets: string[] = [];
  for (const run of facts.runs) {
    if (/^python(?:3(?:\.11)?)?$/.test(run.name) && run.args[0] === '-m' && run.args[1] === 'venv') {
      const dir = run.args.slice(2).find((arg) => arg === undefined || !arg.startsWith('-'));
      const resolved = dir === undefined ? undefined : resolvePath(dir, run.cwd);
      if (!resolved) return undefined;
      venvs.push(resolved);
    } else if (/^pip3?$/.test(run.name) && run.args[0] === 'install') {
      const target = optionValue(run.args, '--target', '-t');
      if (target !== undefined) {
        const resolved = resolvePath(target, run.cwd);
        if (!resolved) return undefined;
        targets.push(resolved);
      }
    }
  }
  if (venvs.length > 1 || (venvs.length === 0 && targets.length === 0)) return undefined;
  const venv = venvs[0];
  // The venv must be the one pip installs into: on PATH, or its own pip/python is called.
  if (venv && !pathOf(facts).includes(`${venv}/bin`) && !facts.runs.some((run) => run.command.name?.startsWith(`${venv}/bin/`))) return undefined;
  const inApp = (dir: string) => dir === app || dir.startsWith(`${app}/`);
  const copies = [app, ...[venv, ...targets].filter((dir): dir is string => dir !== undefined && !inApp(dir))];
  const pythonPath = [...(venv ? [`${venv}/lib/python3.11/site-packages`] : []), ...targets];
  return {
    name: 'python',
    distroless: 'gcr.io/distroless/python3-debian12:nonroot',
    alpine: undefined,
    interpreter: true,
    resolve(words) {
      const program = words[0];
      if (program === undefined) return undefined;
      const name = baseName(program);
      const local = !program.includes('/') || program.startsWith('/usr/local/bin/') || (venv !== undefined && program.startsWith(`${venv}/bin/`));
      if (!local) return undefined;
      if (/^python(?:3(?:\.11)?)?$/.test(name)) return { words: ['/usr/bin/python3', ...words.slice(1)], copies };
      if (PYTHON_MODULES.has(name)) return { words: ['/usr/bin/python3', '-m', name, ...words.slice(1)], copies };
      return undefined;
    },
    shellCopies: () => undefined,
    env: [`ENV PYTHONPATH=${pythonPath.join(':')}`],
    buildEdits: [],
    buildTail: [],
  };
}

/** Directories of the stage's `ENV PATH` (variables left out). */
function pathOf(facts: StageFacts): string[] {
  return (facts.env.get('PATH') ?? '').split(':').filter((dir) => dir.startsWith('/'));
}

/** Build-time packages whose absence at run time breaks nothing. */
const BUILD_ONLY_PACKAGES = /^(?:gcc|g\+\+|make|cmake|build-essential|git|curl|wget|ca-certificates|tzdata|pkg-config|python3-dev|libc6-dev|libssl-dev|musl-dev|musl-tools|unzip|gnupg|openssl)(?:[=:].*)?$/;

/**
 * True when the stage installs OS packages beyond build tools (`libpq-dev`, `imagemagick`):
 * the program likely loads their libraries at run time, and a distroless image lacks them.
 */
export function needsRuntimeLibraries(facts: StageFacts): boolean {
  return facts.runs.some((run) => {
    const install = (run.name === 'apt-get' || run.name === 'apt' || run.name === 'apk' || run.name === 'yum' || run.name === 'dnf' || run.name === 'microdnf') && (run.args.includes('install') || run.args.includes('add'));
    if (!install) return false;
    const subcommand = run.args.findIndex((arg) => arg === 'install' || arg === 'add');
    return run.args.slice(subcommand + 1).some((arg) => arg === undefined || (!arg.startsWith('-') && !BUILD_ONLY_PACKAGES.test(arg)));
  });
}

/** True when the stage installs time zone data (copied into the Alpine variant, which lacks it). */
export function installsTzdata(facts: StageFacts): boolean {
  return facts.runs.some((run) => ['apt-get', 'apt', 'apk', 'yum', 'dnf'].includes(run.name) && run.args.includes('tzdata'));
}

import { finalStage, type DockerfileModel, type DockerInstruction, type Stage } from '../../dockerfile/model';
import {
  appendOffset,
  cacheMountTargets,
  callHeadRange,
  commandsAfter,
  describeCall,
  executableName,
  insertArgumentAfter,
  laterCalls,
  packageCallsOf,
  removesPathUnder,
  stageChain,
  type PackageCall,
} from '../../dockerfile/package-managers';
import type { Report } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const pkgCacheNotCleaned: DockerfileRule = {
  meta: {
    id: 'dockerfile/pkg-cache-not-cleaned',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A package manager leaves its cache in the image',
    rationale:
      'Package indexes and downloaded packages are kept in the layer of the `RUN` that fetched them; removing them in a later `RUN` does not shrink the image. They add tens to hundreds of megabytes, and stale indexes. Reported, in the final stage and the stages it is built `FROM` (other stages do not ship): `apt-get`/`apt update` without removing `/var/lib/apt/lists` in the same `RUN`; `apk add` without `--no-cache`; `yum`/`dnf`/`microdnf`/`tdnf install` or upgrade without `<manager> clean all`; `zypper install` without `zypper clean`; `pip install` without `--no-cache-dir` (or `PIP_NO_CACHE_DIR`); `yarn install`/`add` without `yarn cache clean`. Removing the cache directory with `rm`, or a BuildKit cache mount on it (`RUN --mount=type=cache,target=/var/cache/apt …`), counts as clean.',
    remediation:
      'Clean up in the same `RUN`: `… && rm -rf /var/lib/apt/lists/*`, `apk add --no-cache …`, `… && dnf clean all`, `pip install --no-cache-dir …`, `… && yarn cache clean`; or keep the cache out of the image with `RUN --mount=type=cache,target=<cache dir>`.',
    messages: {
      aptLists: '`{command}` leaves the package lists in this layer: end the `RUN` with `&& rm -rf /var/lib/apt/lists/*`.',
      apkCache: '`{command}` without `--no-cache` keeps the package index in the image. Add `--no-cache`.',
      cleanAll: '`{command}` leaves its package cache in this layer: end the `RUN` with `&& {clean}`.',
      pipCache: '`{command}` without `--no-cache-dir` keeps downloaded packages in the image. Add `--no-cache-dir`.',
    },
    fix: 'safe',
    equivalents: {
      hadolint: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'],
      trivy: ['DS-0015', 'DS-0019', 'DS-0020', 'DS-0025', 'DS-0027'],
    },
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts', 'https://github.com/hadolint/hadolint/wiki/DL3009'],
    example: {
      insecure: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      secure: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  check(model, context) {
    const shipped = shippedStages(model);
    for (const instruction of model.instructions) {
      if (!instruction.stage || !shipped.has(instruction.stage)) continue;
      const calls = packageCallsOf(instruction);
      if (calls.length === 0) continue;
      const mounts = cacheMountTargets(instruction);
      for (const call of calls) {
        const report = check(model, instruction, calls, call, mounts);
        if (report) context.report(report);
      }
    }
  },
};

/** The final stage and the stages it is built `FROM`: the ones whose layers end up in the image. */
function shippedStages(model: DockerfileModel): Set<Stage> {
  const last = finalStage(model);
  return new Set(last ? stageChain(last) : []);
}

interface CacheSpec {
  /** Directories the cache lives in: an `rm` of them or a cache mount over them counts as clean. */
  readonly dirs: readonly string[];
  /** Which calls fill the cache. */
  readonly fills: (call: PackageCall) => boolean;
  /** Which later calls of the same manager clean it. */
  readonly cleans: (call: PackageCall) => boolean;
}

const cleanAll = (call: PackageCall) => call.action === 'clean' && call.operands.some((word) => word.value === 'all');
const installsOrUpgrades = (call: PackageCall) => call.action === 'install' || call.action === 'upgrade' || call.action === 'dist-upgrade';

const SPECS: Readonly<Record<string, CacheSpec>> = {
  apt: {
    dirs: ['/var/lib/apt/lists', '/var/lib/apt'],
    fills: (call) => call.action === 'refresh',
    cleans: (call) => call.subcommand === 'distclean' || call.subcommand === 'dist-clean',
  },
  dnf: { dirs: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'], fills: installsOrUpgrades, cleans: cleanAll },
  microdnf: { dirs: ['/var/cache/yum', '/var/cache/dnf'], fills: installsOrUpgrades, cleans: cleanAll },
  tdnf: { dirs: ['/var/cache/tdnf'], fills: installsOrUpgrades, cleans: cleanAll },
  zypper: { dirs: ['/var/cache/zypp'], fills: installsOrUpgrades, cleans: (call) => call.action === 'clean' },
  yarn: {
    dirs: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/home/node/.cache/yarn'],
    fills: (call) => call.action === 'install',
    cleans: (call) => call.action === 'clean',
  },
  apk: { dirs: ['/var/cache/apk', '/etc/apk/cache'], fills: (call) => call.action === 'install', cleans: () => false },
  pip: { dirs: ['/root/.cache/pip', '/root/.cache'], fills: (call) => call.action === 'install', cleans: (call) => call.subcommand === 'cache purge' },
};

function check(model: DockerfileModel, instruction: DockerInstruction, calls: readonly PackageCall[], call: PackageCall, mounts: readonly string[]): Report | undefined {
  const spec = SPECS[call.family];
  if (!spec || !spec.fills(call)) return undefined;
  if (mounts.some((target) => coversCache(target, spec.dirs, call.family))) return undefined;
  if (laterCalls(calls, call, spec.cleans).length > 0) return undefined;
  if (commandsAfter(instruction, call.command.range.end).some((command) => removesPathUnder(command, spec.dirs))) return undefined;
  const command = describeCall(call);

  if (call.family === 'apk') {
    if (call.options.some((option) => option.name === '--no-cache')) return undefined;
    const edit = insertArgumentAfter(model.text, call, call.subcommandWords[0]!, '--no-cache');
    return { messageId: 'apkCache', data: { command }, range: callHeadRange(call), ...(edit ? { fix: { title: 'Add `--no-cache`', edits: [edit] } } : {}) };
  }
  if (call.family === 'pip') {
    if (call.options.some((option) => option.name === '--no-cache-dir') || pipCacheOffByEnv(model, instruction, call)) return undefined;
    const edit = insertArgumentAfter(model.text, call, call.subcommandWords[0]!, '--no-cache-dir');
    return { messageId: 'pipCache', data: { command }, range: callHeadRange(call), ...(edit ? { fix: { title: 'Add `--no-cache-dir`', edits: [edit] } } : {}) };
  }

  const clean = cleanCommand(call);
  const at = appendOffset(model.text, instruction);
  const edit = at === undefined ? undefined : { start: at, end: at, newText: ` && ${clean}` };
  return {
    messageId: call.family === 'apt' ? 'aptLists' : 'cleanAll',
    data: { command, clean },
    range: callHeadRange(call),
    ...(edit ? { fix: { title: `Append \`${clean}\``, edits: [edit] } } : {}),
  };
}

/** A cache mount on the cache directory, one inside it or one above it; for pip and yarn any `~/.cache`. */
function coversCache(target: string, dirs: readonly string[], family: string): boolean {
  if (dirs.some((dir) => target === dir || target.startsWith(`${dir}/`) || dir.startsWith(`${target}/`))) return true;
  return (family === 'pip' || family === 'yarn') && /(?:^|\/)\.cache(?:\/(?:pip|yarn))?$/.test(target);
}

function cleanCommand(call: PackageCall): string {
  switch (call.family) {
    case 'apt':
      return 'rm -rf /var/lib/apt/lists/*';
    case 'zypper':
      return 'zypper clean --all';
    case 'yarn':
      return 'yarn cache clean';
    default:
      // `yum clean all`, `dnf clean all`, `microdnf clean all`, `tdnf clean all`, as the call names its manager.
      return `${executableName(call)} clean all`;
  }
}

/** `PIP_NO_CACHE_DIR` set by `ENV`/`ARG` in the stage chain, on the command (`PIP_NO_CACHE_DIR=1 pip …`, `env …`) or exported earlier in the `RUN`. */
function pipCacheOffByEnv(model: DockerfileModel, instruction: DockerInstruction, call: PackageCall): boolean {
  const name = 'PIP_NO_CACHE_DIR';
  const chain = new Set(stageChain(instruction.stage!));
  const declared = model.instructions.some(
    (earlier) =>
      (earlier.keyword === 'ENV' || earlier.keyword === 'ARG') &&
      earlier.stage !== undefined &&
      chain.has(earlier.stage) &&
      earlier.range.start < instruction.range.start &&
      earlier.properties.some((property) => property.name === name),
  );
  if (declared || call.original.assignments.some((assignment) => assignment.name === name)) return true;
  if (call.original.args.some((arg) => arg.range.start < call.command.range.start && arg.value?.startsWith(`${name}=`))) return true;
  return (instruction.shell?.commands ?? []).some(
    (command) => command.range.start < call.original.range.start && command.name === 'export' && command.args.some((arg) => arg.value?.startsWith(`${name}=`)),
  );
}

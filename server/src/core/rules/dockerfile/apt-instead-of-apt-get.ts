import { isExact, packageCallsOf, type PackageCall } from '../../dockerfile/package-managers';
import type { TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const aptInsteadOfAptGet: DockerfileRule = {
  meta: {
    id: 'dockerfile/apt-instead-of-apt-get',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: '`apt` is used in `RUN` instead of `apt-get`',
    rationale:
      '`apt` is APT\'s command for people at a terminal: its output and behaviour may change between releases, and it warns that it "does not have a stable CLI interface" when used in scripts. `apt-get` is the stable, scriptable interface with the same subcommands for installing and removing packages. Queries that only `apt` has (`apt list`, `apt search`, `apt show`) are reported without a fix; their stable counterparts are `apt-cache` and `dpkg-query`.',
    remediation:
      'Use `apt-get` (`apt-get update`, `apt-get install -y --no-install-recommends …`); for `apt full-upgrade` use `apt-get dist-upgrade`, for searches `apt-cache`.',
    messages: {
      apt: '`apt {subcommand}` in a build: `apt` has no stable interface for scripts. Use `apt-get {subcommand}`.',
      aptOnly: '`apt {subcommand}` in a build: `apt` has no stable interface for scripts. Use `apt-cache`, `dpkg-query` or `apt-get` instead.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL3027'], checkov: ['CKV_DOCKER_9'] },
    references: ['https://manpages.debian.org/bookworm/apt/apt.8.en.html#SCRIPT_USAGE_AND_DIFFERENCES_FROM_OTHER_APT_TOOLS', 'https://github.com/hadolint/hadolint/wiki/DL3027'],
    example: {
      insecure: 'FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      secure: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      for (const call of packageCallsOf(instruction)) {
        if (call.manager !== 'apt') continue;
        const subcommand = call.subcommand ?? '';
        const shared = SHARED_WITH_APT_GET.has(subcommand);
        const edit = shared ? renameToAptGet(model.text, call) : undefined;
        context.report({
          messageId: shared ? 'apt' : 'aptOnly',
          data: { subcommand },
          range: call.executable.range,
          ...(edit ? { fix: { title: 'Replace `apt` with `apt-get`', edits: [edit] } } : {}),
        });
      }
    }
  },
};

/** Subcommands `apt-get` has with the same meaning. */
const SHARED_WITH_APT_GET = new Set([
  'update', 'upgrade', 'install', 'reinstall', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'clean', 'autoclean', 'source', 'build-dep',
  'download', 'changelog', 'check', 'satisfy',
]);

/** Inserts `-get` after `apt` (also `/usr/bin/apt`, `"apt"` in exec form). */
function renameToAptGet(text: string, call: PackageCall): TextEdit | undefined {
  const word = call.executable;
  if (!isExact(text, word)) return undefined;
  const at = word.raw.search(/apt["']?$/);
  if (at < 0) return undefined;
  const end = word.range.start + at + 3;
  return { start: end, end, newText: '-get' };
}

import type { DockerInstruction } from '../../dockerfile/model';
import type { DockerfileRule } from '../define';

export const addInsteadOfCopy: DockerfileRule = {
  meta: {
    id: 'dockerfile/add-instead-of-copy',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: '`ADD` is used to copy local files',
    rationale:
      '`ADD` does more than copy: it unpacks local tar archives and fetches URLs and Git repositories. Used for plain local files it hides that behaviour from readers and can surprise later (a file renamed to `.tar.gz` is suddenly extracted). `COPY` does only what it says. `ADD` of local archives (to unpack them) is fine, and remote sources are the business of `dockerfile/add-remote-url`; sources that a variable decides are not judged. An `ADD` that mixes plain files with archives is reported without a fix, since the archives still need `ADD`.',
    remediation:
      'Use `COPY` for local files and directories (it takes the same `--chown`, `--chmod`, `--link` and `--exclude` flags). Keep `ADD` only to unpack a local archive; for remote files use `ADD --checksum=sha256:…` or `RUN curl` with a checksum check.',
    messages: {
      local: '`ADD` copies local files here (`{sources}`): use `COPY`, which only copies.',
      mixed: '`ADD` copies local files (`{sources}`) along with archives it unpacks: copy the plain files with a separate `COPY`.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'], trivy: ['DS-0005'], cis: ['4.9'] },
    references: ['https://docs.docker.com/reference/dockerfile/#add', 'https://docs.docker.com/build/building/best-practices/#add-or-copy', 'CIS Docker Benchmark 4.9'],
    example: {
      insecure: 'FROM alpine:3.20\nADD config/ /etc/app/\n',
      secure: 'FROM alpine:3.20\nCOPY config/ /etc/app/\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD' || instruction.args.length < 2) continue;
      const sources = instruction.args.slice(0, -1).map((arg) => arg.value);
      // Inline heredoc content, remote sources and sources decided by variables are not judged here.
      if (sources.some((source) => source.startsWith('<<') || isRemote(source) || source.includes('$'))) continue;
      const plain = sources.filter((source) => !isArchive(source));
      if (plain.length === 0) continue;
      const onlyPlain = plain.length === sources.length;
      const fixable = onlyPlain && instruction.flags.every((flag) => COPY_FLAGS.has(flag.name.toLowerCase()));
      context.report({
        messageId: onlyPlain ? 'local' : 'mixed',
        data: { sources: plain.join('`, `') },
        range: instruction.keywordRange,
        ...(fixable ? { fix: { title: 'Replace `ADD` with `COPY`', edits: [{ ...instruction.keywordRange, newText: copyKeyword(model.text, instruction) }] } } : {}),
      });
    }
  },
};

/** Flags `COPY` accepts too; `--checksum`, `--keep-git-dir` and `--unpack` are `ADD`'s own. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude']);

/** Tar archives (plain or compressed) that `ADD` unpacks, by extension; wildcards count by their ending. */
const ARCHIVE = /\.(?:tar|tgz|taz|tbz|tbz2|tb2|txz|tzst|tlz|tz|gz|bz2|xz|zst|lz|lz4|lzma|z)$/i;

function isArchive(source: string): boolean {
  return ARCHIVE.test(source.replace(/(?<!\/)\/+$/, ''));
}

/** `https://…`, `git://…`, `ssh://…` and `git@host:repo` sources. */
function isRemote(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@/i.test(source);
}

/** `COPY` in the keyword's own case style: `ADD` → `COPY`, `add` → `copy`, `Add` → `Copy`. */
function copyKeyword(text: string, instruction: DockerInstruction): string {
  const written = text.slice(instruction.keywordRange.start, instruction.keywordRange.end);
  if (written === written.toUpperCase()) return 'COPY';
  if (written === written.toLowerCase()) return 'copy';
  return 'Copy';
}

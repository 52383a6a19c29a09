import type { DockerfileRule } from '../define';

export const addRemoteUrl: DockerfileRule = {
  meta: {
    id: 'dockerfile/add-remote-url',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: '`ADD` fetches a remote source without a checksum',
    rationale:
      '`ADD https://…` puts whatever the server returns at build time into the image: a compromised or changed file, or one swapped in transit, goes unnoticed, and two builds of the same Dockerfile can differ. `ADD --checksum=sha256:…` makes BuildKit verify the download (Dockerfile syntax 1.6 and later). Git sources (`https://…/repo.git#ref`, `git@host:repo`, `git://`, `ssh://`) are fine when pinned to a full commit id (`#<40 or 64 hex digits>`) or given `--checksum` (the commit id, in recent Dockerfile syntax); a branch or tag can be moved. Sources and checksums built from variables are not judged.',
    remediation:
      'Add the expected digest: `ADD --checksum=sha256:<digest> https://example.com/app.tar.gz /opt/`, or download with `RUN curl -fsSLo … && echo "<digest>  file" | sha256sum -c -`. For Git, pin the commit: `ADD https://github.com/org/repo.git#<commit-sha> /src`.',
    messages: {
      url: '`ADD {source}` downloads without a checksum: the content is not verified. Add `--checksum=sha256:<digest>`.',
      git: '`ADD {source}` clones a branch or tag that can move: pin a full commit id (`#<commit-sha>`) or add `--checksum=<commit-sha>`.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV_DOCKER_4'], cis: ['4.11'] },
    references: ['https://docs.docker.com/reference/dockerfile/#add---checksum', 'https://docs.docker.com/reference/dockerfile/#adding-files-from-a-git-repository', 'CIS Docker Benchmark 4.11'],
    example: {
      insecure: 'FROM debian:12\nADD https://example.com/tool-1.2.3.tar.gz /opt/\n',
      secure: 'FROM debian:12\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a6a2ed1a41 https://example.com/tool-1.2.3.tar.gz /opt/\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ADD' || instruction.args.length < 2) continue;
      const checksum = instruction.flags.find((flag) => flag.name.toLowerCase() === 'checksum');
      if (checksum?.value) continue;
      for (const source of instruction.args.slice(0, -1)) {
        const kind = remoteKind(source.value);
        if (!kind || source.value.includes('$')) continue;
        if (kind === 'git' && pinnedToCommit(source.value)) continue;
        context.report({ messageId: kind, data: { source: source.value }, range: source.range });
      }
    }
  },
};

/** `git` for Git repositories, `url` for other HTTP(S) downloads, undefined for local sources. */
function remoteKind(source: string): 'url' | 'git' | undefined {
  if (/^git@[^:]+:/i.test(source) || /^(?:git|ssh|git\+ssh|git\+https?):\/\//i.test(source)) return 'git';
  if (!/^https?:\/\//i.test(source)) return undefined;
  // BuildKit reads an HTTP(S) URL as Git when its path ends in `.git` (before any `#ref`).
  const path = source.split('#')[0]!.replace(/^https?:\/\/[^/]*/i, '').split('?')[0]!;
  return /\.git\/?$/i.test(path) ? 'git' : 'url';
}

/** `…repo.git#<sha>` or `#<sha>:subdir`, also as `?ref=<sha>` / `?checksum=<sha>` query forms. */
function pinnedToCommit(source: string): boolean {
  const fragment = source.includes('#') ? source.slice(source.indexOf('#') + 1).split(':')[0]! : '';
  const query = /[?&](?:ref|commit|checksum)=([0-9a-f]+)/i.exec(source)?.[1] ?? '';
  return [fragment, query].some((ref) => /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref));
}

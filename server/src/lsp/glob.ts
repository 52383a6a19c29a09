/**
 * A deliberately small glob matcher for `bulkhead.exclude`, over `/`-separated paths relative to
 * the workspace folder:
 *
 *   `**`   any number of whole path segments (including none), e.g. `**\/generated/**`
 *   `*`    any characters except `/`
 *   `?`    one character except `/`
 *
 * Everything else is literal (no braces or character classes). A pattern without `/` matches a
 * file or folder name at any depth, like `.gitignore` (`*.gen.yaml`, `vendor`); a pattern
 * matching a folder also matches everything below it. A leading `./` or `/` is ignored.
 */
export function globToRegExp(pattern: string): RegExp {
  let glob = pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  const anyDepth = !glob.replace(/(?<!\/)\/+$/, '').includes('/');
  glob = glob.replace(/(?<!\/)\/+$/, '');
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      const atSegmentStart = index === 0 || glob[index - 1] === '/';
      const followedBySlash = glob[index + 2] === '/';
      if (atSegmentStart && followedBySlash) {
        source += '(?:.*/)?';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${source}(?:/.*)?$`);
}

export function matchesAnyGlob(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => pattern.trim() !== '' && globToRegExp(pattern).test(path));
}

/**
 * Exclude globs — `bulkhead.exclude` in the editor, `exclude` in `.bulkhead.yaml`, `scan
 * --exclude` — matched by one function for the editor and the command line, so a pattern means
 * the same everywhere. picomatch syntax (`*`, `**`, `?`, `{a,b}`, `[abc]`, `!(x)`), over
 * `/`-separated paths relative to the folder the globs belong to. As in `.gitignore`, a pattern
 * without a `/` inside (a trailing one aside) matches a name at any depth (`*.gen.yaml`,
 * `vendor/`); a leading `./` or `/` anchors it; a pattern matching a folder excludes everything
 * below it. Backslashes are taken for Windows path separators.
 *
 * picomatch's POSIX entry: the same answers on every platform (paths here are always
 * `/`-separated), and no Node.js module, so the pure engine can hold it.
 */
import picomatch from 'picomatch/posix';

export type ExcludeMatcher = (path: string) => boolean;

const compiled = new WeakMap<readonly string[], ExcludeMatcher>();

export function excludeMatcher(patterns: readonly string[]): ExcludeMatcher {
  const known = compiled.get(patterns);
  if (known) return known;
  const matcher = compile(patterns);
  compiled.set(patterns, matcher);
  return matcher;
}

function compile(patterns: readonly string[]): ExcludeMatcher {
  const globs: string[] = [];
  for (const raw of patterns) {
    const pattern = raw.trim().replace(/\\/g, '/').replace(/(?<!\/)\/+$/, '');
    const anchored = pattern.includes('/');
    const glob = pattern.replace(/^(\.\/|\/)+/, '');
    if (glob !== '') globs.push(anchored ? glob : `**/${glob}`);
  }
  if (globs.length === 0) return () => false;
  const matches = picomatch(globs, { dot: true });
  return (path) => {
    const segments = path.split('/');
    for (let length = segments.length; length > 0; length--) {
      const prefix = segments.slice(0, length).join('/');
      if (prefix !== '' && prefix !== '.' && prefix !== '..' && matches(prefix)) return true;
    }
    return false;
  };
}

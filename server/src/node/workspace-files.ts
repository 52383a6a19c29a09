/** The language server's file system access under Node.js: discovery, reading, file URIs. */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MAX_ANALYZED_BYTES } from '../core/index';
import type { WorkspaceFiles } from '../lsp/workspace-diagnostics';
import { discover } from './discover';

export function nodeWorkspaceFiles(): WorkspaceFiles {
  return {
    async discover(folder, exclude) {
      return discover([folder], { cwd: folder, exclude }).files;
    },
    async read(path) {
      const content = readForAnalysis(path);
      return typeof content === 'string' ? content : undefined;
    },
    async readForAnalysis(path) {
      return readForAnalysis(path);
    },
    toUri(path) {
      return pathToFileURL(path).href;
    },
    yieldNow() {
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/**
 * Synchronous on purpose: a workspace file is read in tens of microseconds (the size cap bounds
 * the worst case to milliseconds), while the promise API's thread-pool round trips (stat, open,
 * fstat, read, close) cost more than the read itself. The scan yields to pending messages
 * between files, so keystrokes still get through. Oversized files are not read at all (the
 * engine would not analyse them): their size is returned instead.
 */
function readForAnalysis(path: string): string | { readonly tooLarge: number } | undefined {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return undefined;
    if (stats.size > MAX_ANALYZED_BYTES) return { tooLarge: stats.size };
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

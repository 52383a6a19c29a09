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
      // Synchronous on purpose: a workspace file is read in tens of microseconds (the size cap
      // bounds the worst case to milliseconds), while the promise API's thread-pool round trips
      // (stat, open, fstat, read, close) cost more than the read itself. The scan yields to
      // pending messages between files, so keystrokes still get through.
      try {
        const stats = statSync(path);
        // Oversized files are not read at all (the engine would skip them); opening one says why.
        if (!stats.isFile() || stats.size > MAX_ANALYZED_BYTES) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    toUri(path) {
      return pathToFileURL(path).href;
    },
    yieldNow() {
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

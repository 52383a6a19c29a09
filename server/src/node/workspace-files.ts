/** The language server's file system access under Node.js: discovery, reading, file URIs. */
import { readFile, stat } from 'node:fs/promises';
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
      try {
        const stats = await stat(path);
        // Oversized files are not read at all (the engine would skip them); opening one says why.
        if (!stats.isFile() || stats.size > MAX_ANALYZED_BYTES) return undefined;
        return await readFile(path, 'utf8');
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

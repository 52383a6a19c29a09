/** Workspace folders, and paths of documents relative to them (for `bulkhead.exclude`). */
import type { WorkspaceFolder } from 'vscode-languageserver';

export class WorkspaceFolders {
  private folders: string[] = [];

  set(folders: readonly WorkspaceFolder[] | readonly string[]): void {
    this.folders = folders.map((folder) => pathOfUri(typeof folder === 'string' ? folder : folder.uri).replace(/(?<!\/)\/+$/, ''));
  }

  add(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => pathOfUri(folder.uri).replace(/(?<!\/)\/+$/, '')));
    this.folders = this.folders.filter((folder) => !gone.has(folder));
    for (const folder of added) this.folders.push(pathOfUri(folder.uri).replace(/(?<!\/)\/+$/, ''));
  }

  paths(): readonly string[] {
    return this.folders;
  }

  /** The innermost workspace folder holding `path`, if any. */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) if (path.startsWith(`${folder}/`) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  /** Whether `path` lies inside a workspace folder. */
  contains(path: string): boolean {
    return this.folders.some((folder) => path.startsWith(`${folder}/`));
  }

  /**
   * The document's path relative to the innermost workspace folder holding it, `/`-separated.
   * A document outside every folder gets its whole path without the leading `/`.
   */
  relativePath(uri: string): string {
    const path = pathOfUri(uri);
    const folder = this.folderOf(path);
    return (folder !== undefined ? path.slice(folder.length + 1) : path).replace(/^\/+/, '');
  }
}

/** The decoded path of a URI (`file:///tmp/a%20b/Dockerfile` → `/tmp/a b/Dockerfile`); other schemes keep their path too. */
export function pathOfUri(uri: string): string {
  const match = /^[a-zA-Z][\w+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/.exec(uri);
  const raw = match ? match[1]! : uri;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

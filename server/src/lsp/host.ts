/**
 * What the language server needs from its environment, injected so the same server runs under
 * Node.js (stdio/IPC) and, later, in a browser web worker. Only the optional `files` touches
 * the file system.
 */
import type { WorkspaceFiles } from './workspace-diagnostics';

export interface Timer {
  cancel(): void;
}

export interface ServerHost {
  /** Runs `callback` once after `ms` milliseconds unless cancelled. */
  setTimer(callback: () => void, ms: number): Timer;
  /** File system access for the workspace-wide scan; hosts without one analyse open documents only. */
  readonly files?: WorkspaceFiles;
}

/** A host over the standard timers, available both in Node.js and in web workers. */
export function standardHost(): ServerHost {
  return {
    setTimer(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { cancel: () => clearTimeout(handle) };
    },
  };
}

/** Tunables that tests and other entries may change; the defaults suit an editor. */
export interface ServerOptions {
  /** Quiet time after the last keystroke before a document is re-analysed. */
  readonly debounceMs?: number;
  /** Passes of re-analysis that fix-all makes before it stops. */
  readonly maxFixPasses?: number;
}

export const DEFAULT_DEBOUNCE_MS = 150;
export const DEFAULT_MAX_FIX_PASSES = 10;

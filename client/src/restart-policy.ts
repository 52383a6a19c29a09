/**
 * When the client restarts a language server that died, and when it stops trying. Kept free of
 * the `vscode` API so it is unit-tested under plain Node.js (test/client/restart-policy.test.ts).
 *
 * The numbers are vscode-languageclient's own (4 restarts in 3 minutes); what Bulkhead adds is
 * what the user is told: a line in the output channel on each crash, and one clear notification,
 * with a way to restart, when it gives up.
 */

/** Crashes within {@link RESTART_WINDOW_MS} after which the server is still restarted. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export type CrashDecision =
  /** Restart; `crashes` counts the crashes within the window, this one included. */
  | { readonly restart: true; readonly crashes: number; readonly message: string }
  | { readonly restart: false; readonly crashes: number; readonly message: string };

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** Records that the server died at `now` (ms) and says whether to start it again. */
  crashed(now: number): CrashDecision {
    this.crashes = [...this.crashes.filter((at) => now - at < this.windowMs), now];
    const crashes = this.crashes.length;
    if (crashes <= this.maxRestarts) return { restart: true, crashes, message: restartingMessage(crashes, this.maxRestarts, this.windowMs) };
    return { restart: false, crashes, message: gaveUpMessage(crashes, this.windowMs) };
  }

  /** Forgets the crashes: the user restarted the server, or turned Bulkhead off and on. */
  reset(): void {
    this.crashes = [];
  }
}

function minutes(ms: number): string {
  const count = Math.round(ms / 60_000);
  return count === 1 ? 'a minute' : `${count} minutes`;
}

/** The output channel's line when the server died and is started again. */
export function restartingMessage(crashes: number, maxRestarts: number, windowMs: number): string {
  return `The Bulkhead language server stopped unexpectedly (${crashes} of at most ${maxRestarts + 1} crashes in ${minutes(windowMs)}); restarting it.`;
}

/** The notification when the server keeps dying and is no longer restarted. */
export function gaveUpMessage(crashes: number, windowMs: number): string {
  return (
    `The Bulkhead language server crashed ${crashes} times in ${minutes(windowMs)} and will not be restarted: ` +
    'Dockerfiles, Kubernetes manifests and Compose files are not being checked. The Bulkhead output channel has its log.'
  );
}

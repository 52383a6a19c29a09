/**
 * When documents are analysed for diagnostics: on open at once, while typing after a quiet
 * period. A newer version supersedes pending and in-flight work for the same document, so only
 * the latest version's diagnostics are ever published.
 */
import type { ServerHost, Timer } from './host';

interface Pending {
  readonly version: number;
  readonly timer: Timer;
}

export type ValidateDocument = (uri: string, isCurrent: () => boolean) => Promise<void>;

export class ValidationScheduler {
  private readonly pending = new Map<string, Pending>();
  /** Bumped for every scheduled run: a run whose ticket is no longer the latest is stale. */
  private readonly tickets = new Map<string, number>();
  private nextTicket = 0;

  constructor(
    private readonly host: ServerHost,
    private readonly validate: ValidateDocument,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** Schedules validation of `version`; a pending run for the same version keeps its (earlier) time. */
  schedule(uri: string, version: number, delayMs: number): void {
    const existing = this.pending.get(uri);
    if (existing && existing.version === version) return;
    existing?.timer.cancel();
    const ticket = ++this.nextTicket;
    this.tickets.set(uri, ticket);
    const timer = this.host.setTimer(() => {
      this.pending.delete(uri);
      this.validate(uri, () => this.tickets.get(uri) === ticket).catch((error: unknown) => this.onError(uri, error));
    }, delayMs);
    this.pending.set(uri, { version, timer });
  }

  /** Forgets the document: pending work is cancelled and in-flight work becomes stale. */
  cancel(uri: string): void {
    this.pending.get(uri)?.timer.cancel();
    this.pending.delete(uri);
    this.tickets.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }
}

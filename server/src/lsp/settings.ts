/**
 * The `bulkhead` settings section, per document (`scopeUri`), pulled through
 * `workspace/configuration` when the client supports it. Without that capability the server
 * uses what the client pushes in `workspace/didChangeConfiguration`, or the defaults.
 */
import { isConfiguredSeverity, type ConfiguredSeverity } from '../core/index';

export interface DocumentSettings {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  readonly exclude: readonly string[];
  /** From the folder's `.bulkhead.yaml` (there are no such VS Code settings). */
  readonly trustedRegistries?: readonly string[];
  readonly kubernetesVersion?: string;
}

export const DEFAULT_SETTINGS: DocumentSettings = Object.freeze({ enable: true, rules: Object.freeze({}), exclude: Object.freeze([]) });

export const SETTINGS_SECTION = 'bulkhead';

/** Reads a raw settings object leniently: wrong-typed values fall back to defaults, each with a warning. */
export function parseSettings(raw: unknown, warn: (message: string) => void): DocumentSettings {
  if (raw === null || raw === undefined) return DEFAULT_SETTINGS;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn(`Ignoring bulkhead settings: expected an object, got ${JSON.stringify(raw)}.`);
    return DEFAULT_SETTINGS;
  }
  const value = raw as Record<string, unknown>;
  let enable = DEFAULT_SETTINGS.enable;
  if (typeof value.enable === 'boolean') enable = value.enable;
  else if (value.enable !== undefined) warn('Ignoring bulkhead.enable: expected true or false.');

  const rules: Record<string, ConfiguredSeverity> = {};
  if (value.rules && typeof value.rules === 'object' && !Array.isArray(value.rules)) {
    for (const [id, severity] of Object.entries(value.rules)) {
      if (isConfiguredSeverity(severity)) rules[id] = severity;
      else warn(`Ignoring bulkhead.rules["${id}"]: expected "off", "info", "warning" or "error", got ${JSON.stringify(severity)}.`);
    }
  } else if (value.rules !== undefined) warn('Ignoring bulkhead.rules: expected an object of rule id to severity.');

  let exclude: readonly string[] = DEFAULT_SETTINGS.exclude;
  if (Array.isArray(value.exclude)) exclude = value.exclude.filter((glob): glob is string => typeof glob === 'string');
  else if (value.exclude !== undefined) warn('Ignoring bulkhead.exclude: expected an array of glob patterns.');

  return { enable, rules, exclude };
}

export type ConfigurationFetch = (scopeUri: string) => Promise<unknown>;

/**
 * Settings per document, fetched once and kept until the configuration changes. The objects
 * are stable between changes, so analysis caches can key on their identity.
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<DocumentSettings>>();
  private pushed: DocumentSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly fetch: ConfigurationFetch | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  forDocument(uri: string): Promise<DocumentSettings> {
    if (!this.fetch) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(
        (raw) => parseSettings(raw, this.warn),
        (error: unknown) => {
          this.warn(`Could not read bulkhead settings for ${uri}, using defaults: ${String(error)}`);
          return DEFAULT_SETTINGS;
        },
      );
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** The configuration changed: forget what was fetched; `pushed` is the section the client sent, if any. */
  changed(pushed: unknown): void {
    this.byUri.clear();
    if (pushed !== undefined) this.pushed = parseSettings(pushed, this.warn);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

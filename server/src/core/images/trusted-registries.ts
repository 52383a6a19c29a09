/**
 * Registry allow-lists (`trustedRegistries`): which registry an image reference pulls from, and
 * whether a configured entry trusts it. Entries match exactly, `*.example.com` any registry
 * ending in `.example.com`, `registry*` any starting with `registry`, `*` everything; case is
 * ignored. An image without a registry comes from Docker Hub, `docker.io`, under any of its names.
 */
import { splitImageReference } from './image-reference';

export const DOCKER_HUB = 'docker.io';

const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'hub.docker.com', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** The configured entries, trimmed, lower-cased, Docker Hub's aliases folded into `docker.io`; blanks dropped. */
export function normaliseTrustedRegistries(entries: readonly string[]): string[] {
  return entries
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .map((entry) => (DOCKER_HUB_ALIASES.has(entry) ? DOCKER_HUB : entry));
}

/** The registry an image is pulled from, lower-cased (`docker.io` when it names none). */
export function registryOfImage(image: string): string {
  const registry = splitImageReference(image).registry?.toLowerCase();
  return registry === undefined || DOCKER_HUB_ALIASES.has(registry) ? DOCKER_HUB : registry;
}

/** True when one of the (normalised) entries trusts `registry`. */
export function isTrustedRegistry(registry: string, trusted: readonly string[]): boolean {
  return trusted.some((entry) => {
    if (entry === '*') return true;
    if (entry.startsWith('*')) return registry.endsWith(entry.slice(1));
    if (entry.endsWith('*')) return registry.startsWith(entry.slice(0, -1));
    return registry === entry;
  });
}

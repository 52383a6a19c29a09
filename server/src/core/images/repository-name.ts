/**
 * The repository an image reference names, in the short form Docker Hub uses for official
 * images: `node`, `docker.io/library/node` and the public mirrors of Docker Hub's library
 * (`public.ecr.aws/docker/library/node`, `mirror.gcr.io/library/node`) are all `node`;
 * other registries keep theirs (`mcr.microsoft.com/dotnet/sdk`). Lower-cased.
 */
import type { ReferenceParts } from './image-reference';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Registries that serve Docker Hub's official images under a prefix. */
const LIBRARY_MIRRORS: Readonly<Record<string, string>> = {
  'public.ecr.aws': 'docker/library/',
  'mirror.gcr.io': 'library/',
};

export function repositoryName(reference: Pick<ReferenceParts, 'registry' | 'path'>): string {
  const registry = reference.registry?.toLowerCase();
  const path = reference.path.toLowerCase();
  if (registry === undefined || DOCKER_HUB.has(registry)) return path.startsWith('library/') ? path.slice('library/'.length) : path;
  const mirrorPrefix = LIBRARY_MIRRORS[registry];
  if (mirrorPrefix && path.startsWith(mirrorPrefix)) return path.slice(mirrorPrefix.length);
  return `${registry}/${path}`;
}

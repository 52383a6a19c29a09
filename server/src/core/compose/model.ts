/**
 * Docker Compose files: the services of the top-level `services:` map. Variable interpolation
 * (`${VAR}`) is left as written.
 */
import type { OffsetRange } from '../engine/types';
import { asMap, isScalar, rangeOf, valueOf, type YamlDocument, type YamlFile, type YamlMap } from '../yaml/yaml-document';

export interface ComposeService {
  readonly name: string;
  readonly nameRange: OffsetRange;
  readonly node: YamlMap;
  readonly file: YamlFile;
  readonly document: YamlDocument;
}

export interface ComposeFile {
  readonly file: YamlFile;
  readonly services: readonly ComposeService[];
}

const COMPOSE_FILE_NAME = /(^|[\\/])(docker-)?compose([.-][^\\/]*)?\.ya?ml$/i;

export function isComposeFileName(fileName: string): boolean {
  return COMPOSE_FILE_NAME.test(fileName);
}

/** True when a document has a top-level `services:` map whose values are all maps. */
export function looksLikeCompose(document: YamlDocument): boolean {
  const services = asMap(valueOf(asMap(document.contents), 'services', document));
  return !!services && services.items.length > 0 && services.items.every((item) => isScalar(item.key) && asMap(item.value) !== undefined);
}

export function composeFileOf(file: YamlFile): ComposeFile {
  const services: ComposeService[] = [];
  for (const document of file.documents) {
    const map = asMap(valueOf(asMap(document.contents), 'services', document));
    for (const item of map?.items ?? []) {
      const node = asMap(item.value);
      if (!node || !isScalar(item.key)) continue;
      services.push({ name: String(item.key.value), nameRange: rangeOf(item.key), node, file, document });
    }
  }
  return { file, services };
}

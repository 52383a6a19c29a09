/**
 * Minimal edits the Compose rules need on top of `yaml-edit`: removing one entry of a list field
 * the service owns, and rewriting a string entry's text while keeping its quoting. Like
 * `yaml-edit`, everything outside the edited span stays byte-identical.
 */
import type { TextEdit } from '../engine/types';
import { isScalar, rangeOf, type YamlDocument, type YamlFile, type YamlNode, type YamlScalar, type YamlSeq } from '../yaml/yaml-document';
import { deleteSeqItem, replaceNode } from '../yaml/yaml-edit';
import type { ServiceField } from './service-fields';

/**
 * Edits that remove item `index` of the sequence `field` holds (see `deleteSeqItem`: removing the
 * only item removes the whole field). No edits for an inherited field nor a sequence written
 * through an alias (`cap_add: *caps`): the shared anchor is not the service's to edit.
 */
export function removeListEntry(file: YamlFile, document: YamlDocument, field: ServiceField, seq: YamlSeq, index: number): TextEdit[] {
  if (field.inherited || field.written !== seq) return [];
  const item = seq.items[index] as YamlNode | undefined;
  return item ? deleteSeqItem(file, document, field.owner, field.key, item) : [];
}

/**
 * Replaces a string scalar with `text`, keeping its quote style: plain stays plain unless the new
 * text needs quotes, quoted stays quoted with the same quote character. Undefined when the written
 * scalar uses escapes or is a block scalar (its source would not round-trip). `written` is where
 * the string is written when that is an alias (`*name`): it is replaced there, never the shared
 * node it names.
 */
export function rewriteString(file: YamlFile, node: YamlScalar, text: string, written: YamlNode = node): TextEdit | undefined {
  const source = file.text.slice(rangeOf(node).start, rangeOf(node).end);
  switch (node.type) {
    case 'QUOTE_DOUBLE':
      if (source.includes('\\') || text.includes('"') || text.includes('\\')) return undefined;
      return replaceNode(written, `"${text}"`);
    case 'QUOTE_SINGLE':
      if (text.includes("'")) return undefined;
      return replaceNode(written, `'${text}'`);
    case 'PLAIN':
      return replaceNode(written, needsQuotes(text) ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : text);
    default:
      return undefined;
  }
}

/** Text that would not read back as the same plain string. */
function needsQuotes(text: string): boolean {
  return (
    text === '' ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) ||
    /:\s|\s#|\s$/.test(text) ||
    /^(?:true|false|yes|no|on|off|null|~|[-+]?\d[\d_.:eE+-]*)$/i.test(text)
  );
}

export function isStringScalar(node: YamlNode | undefined): node is YamlScalar {
  return node !== undefined && isScalar(node) && typeof node.value === 'string';
}

/**
 * `.bulkhead.yaml` (or `.bulkhead.yml`), the configuration file the CLI and the editor share
 * (SPEC §3):
 *
 *   rules:                      # per-rule severity: off, info, warning or error
 *     dockerfile/user-root: error
 *   exclude: [vendor/, "**\/*.gen.yaml"]
 *   trustedRegistries: [registry.example.com, "*.example.com"]
 *   kubernetesVersion: "1.31"
 *
 * Pure: text in, configuration and problems (with exact ranges) out. Whatever is invalid is
 * reported and ignored; the rest applies, and defaults fill the gaps.
 */
import { UNUSED_SUPPRESSION_CODE } from '../analyze';
import type { AnalysisConfig } from '../engine/config';
import { isConfiguredSeverity } from '../engine/config';
import type { ConfiguredSeverity, OffsetRange, RuleMeta } from '../engine/types';
import { ALL_RULES } from '../rules/index';
import { asMap, asScalar, asSeq, isPair, isScalar, parseYamlFile, rangeOf, type YamlNode } from '../yaml/yaml-document';

/** Names the configuration file may have, in the order they are looked for in a folder. */
export const CONFIG_FILE_NAMES = ['.bulkhead.yaml', '.bulkhead.yml'] as const;

export interface FileConfig extends AnalysisConfig {
  /** Globs of files and folders not to analyse, relative to the configuration file's folder. */
  readonly exclude: readonly string[];
}

export interface ConfigFileProblem {
  readonly message: string;
  readonly range: OffsetRange;
}

export interface ParsedConfigFile {
  readonly config: FileConfig;
  readonly problems: readonly ConfigFileProblem[];
}

export const CONFIG_KEYS = ['rules', 'exclude', 'trustedRegistries', 'kubernetesVersion'] as const;

const SEVERITY_LIST = 'off, info, warning or error';
const VERSION = /^(v?\d+\.\d+(\.\d+)?|latest)$/i;

/** Whether `name` (a path's last segment) is a configuration file. */
export function isConfigFileName(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return (CONFIG_FILE_NAMES as readonly string[]).includes(base);
}

export function parseConfigFile(text: string, rules: readonly RuleMeta[] = ALL_RULES.map((rule) => rule.meta)): ParsedConfigFile {
  const problems: ConfigFileProblem[] = [];
  const report = (range: OffsetRange, message: string) => problems.push({ range, message });
  const file = parseYamlFile(text);
  const [first, ...more] = file.documents;
  for (const document of file.documents) for (const error of document.errors) report(error.range, `YAML syntax error: ${error.message}`);
  for (const document of more) if (document.contents) report(rangeOf(document.contents), 'Only the first YAML document of the configuration file is read.');

  const config: { rules?: Record<string, ConfiguredSeverity>; exclude: string[]; trustedRegistries?: string[]; kubernetesVersion?: string } = { exclude: [] };
  const root = first?.contents ?? null;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  const map = asMap(root);
  if (!map) {
    report(rangeOf(root), `The configuration must be a mapping of ${CONFIG_KEYS.join(', ')}.`);
    return { config, problems };
  }

  const known = new Set([...rules.map((meta) => meta.id), UNUSED_SUPPRESSION_CODE]);
  const seen = new Set<string>();
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const keyNode = asScalar(item.key);
    const value = (item.value as YamlNode | null) ?? null;
    const keyRange = keyNode ? rangeOf(keyNode) : rangeOf(map);
    const key = keyNode && typeof keyNode.value === 'string' ? keyNode.value : undefined;
    if (key === undefined || !(CONFIG_KEYS as readonly string[]).includes(key)) {
      const written = keyNode ? String(keyNode.value) : '?';
      report(keyRange, `Unknown key '${written}': the configuration has ${CONFIG_KEYS.join(', ')}.${suggestKey(written)}`);
      continue;
    }
    if (seen.has(key)) report(keyRange, `'${key}' is set twice: the last one applies.`);
    seen.add(key);
    const at = value?.range ? rangeOf(value) : keyRange;
    switch (key) {
      case 'rules': {
        if (value === null || (isScalar(value) && value.value === null)) break;
        const rulesMap = asMap(value);
        if (!rulesMap) {
          report(at, `'rules' must be a mapping of rule id to severity (${SEVERITY_LIST}).`);
          break;
        }
        const configured: Record<string, ConfiguredSeverity> = {};
        for (const entry of rulesMap.items) {
          if (!isPair(entry)) continue;
          const idNode = asScalar(entry.key);
          const idRange = idNode ? rangeOf(idNode) : rangeOf(rulesMap);
          const id = idNode ? String(idNode.value) : '';
          if (!known.has(id)) {
            report(idRange, `Unknown rule '${id}'.${suggestRule(id, known)} \`bulkhead rules\` lists them.`);
            continue;
          }
          const severityNode = asScalar(entry.value);
          const severity = severityNode?.value;
          if (!isConfiguredSeverity(severity)) {
            const written = severityNode ? JSON.stringify(severityNode.value) : 'nothing';
            const range = (entry.value as YamlNode | null)?.range ? rangeOf(entry.value as YamlNode) : idRange;
            report(range, `The severity of '${id}' must be ${SEVERITY_LIST}, not ${written}.`);
            continue;
          }
          configured[id] = severity;
        }
        config.rules = configured;
        break;
      }
      case 'exclude':
      case 'trustedRegistries': {
        const list = stringList(value, key, at, report);
        if (list === undefined) break;
        if (key === 'exclude') config.exclude = list;
        else config.trustedRegistries = list;
        break;
      }
      case 'kubernetesVersion': {
        const scalar = asScalar(value);
        // As written: an unquoted 1.30 is the number 1.3 to YAML, but the text says what was meant.
        const written = scalar && (typeof scalar.value === 'string' || typeof scalar.value === 'number') ? text.slice(rangeOf(scalar).start, rangeOf(scalar).end).replace(/^["']|["']$/g, '').trim() : undefined;
        if (written === undefined || !VERSION.test(written)) {
          report(at, `'kubernetesVersion' must be a Kubernetes version such as "1.31" (or "latest"), not ${scalar ? JSON.stringify(scalar.value) : 'a list or mapping'}.`);
          break;
        }
        config.kubernetesVersion = written;
        break;
      }
    }
  }
  return { config, problems };
}

function stringList(value: YamlNode | null, key: string, at: OffsetRange, report: (range: OffsetRange, message: string) => void): string[] | undefined {
  if (value === null || (isScalar(value) && value.value === null)) return [];
  const seq = asSeq(value);
  if (!seq) {
    report(at, `'${key}' must be a list of strings.`);
    return undefined;
  }
  const list: string[] = [];
  for (const item of seq.items) {
    const scalar = asScalar(item);
    if (scalar && typeof scalar.value === 'string' && scalar.value.trim() !== '') list.push(scalar.value.trim());
    else report((item as YamlNode).range ? rangeOf(item as YamlNode) : at, `Items of '${key}' must be non-empty strings.`);
  }
  return list;
}

function suggestKey(written: string): string {
  const lower = written.toLowerCase().replace(/[-_]/g, '');
  const match = CONFIG_KEYS.find((key) => key.toLowerCase() === lower || key.toLowerCase() === `${lower}s` || `${key.toLowerCase()}s` === lower);
  return match ? ` Did you mean '${match}'?` : '';
}

/** `user-root` → `dockerfile/user-root`: a rule named without its target. */
function suggestRule(id: string, known: ReadonlySet<string>): string {
  const name = id.slice(id.lastIndexOf('/') + 1);
  const candidates = [...known].filter((candidate) => candidate.endsWith(`/${name}`) && candidate !== id);
  return candidates.length > 0 ? ` Did you mean ${candidates.map((candidate) => `'${candidate}'`).join(' or ')}?` : '';
}

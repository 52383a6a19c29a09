/**
 * ConfigMap `data` entries that hold secrets: a secret-looking key with a real-looking value, a
 * value in a known credential format, or a configuration file inside the value with secret
 * settings (`db.password = …`, `"apiKey": "…"`). One finding per entry, at its key; messages name
 * keys and settings, never values.
 */
import { describeResource } from '../../kubernetes/model';
import { judgeSecretValue } from '../../secrets/secret-values';
import { looksLikeSecretName } from '../../secrets/secret-names';
import { asScalar, entriesOf, keyRange, mapAt, rangeOf, resolveNode, type YamlNode } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

/** `key = value`, `key: value`, `"key": "value",`, `export KEY=value` — one setting per line, up to its value (see {@link settingValue}). */
const SETTING = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]/;
/** `"key": "value"` anywhere, for JSON written on one line. */
const QUOTED_SETTING = /["']([A-Za-z_][\w.-]*)["']\s*:\s*"([^"\r\n]*)"/g;
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off|enabled?|disabled?)$/i;
const LISTED_SETTINGS = 3;

export const configmapSecrets: KubernetesRule = {
  meta: {
    id: 'k8s/configmap-secrets',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'ConfigMap holds secrets',
    rationale:
      'ConfigMaps are not meant for secrets: RBAC roles commonly grant read access to them (`view` does), they are not encrypted at rest even where Secrets are, and they are printed freely by tools and operators. Reported: a secret-looking key with a real-looking value, a value in a known credential format (private key, cloud or API token, JWT, connection string with a password), and configuration files inside a value with secret settings (`password=`, `"apiKey":`). Placeholders and templated values are not reported.',
    remediation:
      'Rotate the credential and move it to a Secret created at deploy time from a secret store; mount that Secret next to the ConfigMap, or reference it from `env` with `secretKeyRef`. For configuration files, keep the secret setting out of the file and inject it from the Secret.',
    messages: {
      key: '{configMap} stores `{key}` in plain `data`{details}. Move it to a Secret.',
      credential: '{configMap} stores {credential} in `{key}`. Rotate it and move it to a Secret.',
      embedded: '{configMap} key `{key}` contains secret settings ({settings}). Move them to a Secret and inject them at deploy time.',
    },
    fix: 'none',
    equivalents: { trivy: ['KSV-0109', 'KSV-01010'] },
    references: ['https://kubernetes.io/docs/concepts/configuration/configmap/', 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    example: {
      insecure: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  LOG_LEVEL: info\n  DB_PASSWORD: hunter2\n  application.properties: |\n    server.port=8080\n    spring.datasource.password=hunter2',
      secure: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  LOG_LEVEL: info\n  application.properties: |\n    server.port=8080\n    spring.datasource.password=${DB_PASSWORD}',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'ConfigMap') return;
    const data = mapAt(resource.node, ['data'], resource.document);
    const configMap = describeResource(resource);
    for (const { key: name, pair, inherited } of data ? entriesOf(data, resource.document) : []) {
      const value = asScalar(resolveNode(pair.value, resource.document))?.value;
      if (value === null || value === undefined) continue;
      const written = String(value);
      // An entry merged in through `<<` is written in the shared map: point at the merge.
      const range = inherited ? keyRange(data!, name) : rangeOf(pair.key as YamlNode);
      const verdict = SWITCH_VALUE.test(written.trim()) ? undefined : judgeSecretValue(name, written, false);
      if (verdict?.known && verdict.credential) {
        context.report({ messageId: 'credential', data: { configMap, key: name, credential: verdict.credential }, range });
      } else if (verdict && looksLikeSecretName(name)) {
        context.report({ messageId: 'key', data: { configMap, key: name, details: verdict.credential ? ` (${verdict.credential})` : '' }, range });
      } else {
        const settings = secretSettings(written);
        if (settings.length === 0) continue;
        const shown = settings.slice(0, LISTED_SETTINGS).map((setting) => `\`${setting}\``).join(', ');
        const more = settings.length > LISTED_SETTINGS ? ` and ${settings.length - LISTED_SETTINGS} more` : '';
        context.report({ messageId: 'embedded', data: { configMap, key: name, settings: `${shown}${more}` }, range });
      }
    }
  },
};

/** Names of the settings in a configuration text whose name looks secret and whose value is real. */
function secretSettings(text: string): string[] {
  const names: string[] = [];
  const consider = (name: string, value: string) => {
    if (value === '' || SWITCH_VALUE.test(value) || !looksLikeSecretName(name)) return;
    if (judgeSecretValue(name, value, false) && !names.includes(name)) names.push(name);
  };
  for (const line of text.split(/\r?\n/)) {
    const match = SETTING.exec(line);
    const value = match ? settingValue(line.slice(match[0].length)) : undefined;
    if (match && value !== undefined) consider(match[1]!, value.replace(/^(["'])(.*)\1$/, '$2'));
  }
  for (const match of text.matchAll(QUOTED_SETTING)) consider(match[1]!, match[2]!);
  return names;
}

/**
 * The value after `=` / `:`, without surrounding blanks and a trailing comma (JSON); undefined
 * when a line break is left inside. What `\s*(.*?)\s*,?\s*$` matched, in code: that regex tries
 * every split of a long run of blanks between its three `\s*`, cubic on `key=` and 100 KB of spaces.
 */
function settingValue(rest: string): string | undefined {
  let value = rest.trim();
  if (value.endsWith(',')) value = value.slice(0, -1).trimEnd();
  return /[\n\r\u2028\u2029]/.test(value) ? undefined : value;
}

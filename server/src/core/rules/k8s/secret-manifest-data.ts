/**
 * One finding per `data` / `stringData` mapping of a Secret (not one per key: a Secret with
 * twenty keys is one decision to make, not twenty), pointing at that key. The message names the
 * keys and what each looks like — never a value, not even masked.
 */
import { describeResource } from '../../kubernetes/model';
import { asScalar, keyRange, mapAt, pairOf, resolveNode, type YamlDocument, type YamlMap } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

/** Formats that identify a real credential: finding one raises the finding to an error. */
const CREDENTIAL_FORMATS: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
  { kind: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { kind: 'an AWS access key ID', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { kind: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { kind: 'a Slack token', pattern: /\bxox[a-z]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { kind: 'a Stripe live key', pattern: /\b[rs]k_live_[0-9A-Za-z]{16,}/ },
  { kind: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/ },
  { kind: 'registry credentials', pattern: /"auths"\s*:[\s\S]*"(?:auth|password)"\s*:\s*"[^"\s]+"/ },
];

/** `scheme://user:password@host`; the password is group 1. */
const CONNECTION_STRING = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]+)@/i;

/** Key names that say "this is a password", without a recognisable format. */
const PASSWORD_LIKE_KEY = /pass(?:word|wd|phrase)?|pwd|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|credential/i;

/** Values nobody would deploy: left to be filled in, or templated by another tool. */
const PLACEHOLDER =
  /^(?:<[^<>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|(?:change|replace)[-_ ]?me|todo|tbd|fixme|placeholder|dummy|example|redacted|none|null|n\/a|x+|\*+|\.+|-+|_+|0+)$/i;
/** A value another tool fills in (`${DB_PASSWORD}` inside a URL): skipped unless a known credential shows. */
const TEMPLATED = /\$\{[^}]+\}|\$\([^)]+\)|\{\{.*\}\}/;
const FILL_IN = /^(?:your|my|insert|enter|put)[-_ ]|[-_ ]here$/i;

/** Public material that often sits next to secrets (certificates, public keys) is no secret. */
const PUBLIC_MATERIAL = /^(?:-----BEGIN (?:CERTIFICATE|PUBLIC KEY|[A-Z]+ PUBLIC KEY|X509 CRL)-----|(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+) [A-Za-z0-9+/=]+)/;

/** SOPS leaves `ENC[AES256_GCM,…]` values: encrypted, so fine to commit. */
const SOPS_VALUE = /^ENC\[/;

const LISTED_KEYS = 5;

export const secretManifestData: KubernetesRule = {
  meta: {
    id: 'k8s/secret-manifest-data',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Secret manifest commits secret values',
    rationale:
      'Base64 in `data` is an encoding, not encryption: a Secret manifest with values lets everyone who can read the repository, its forks, CI logs and backups read the credentials, long after they were "removed" from the latest commit. Values that are placeholders, templates, certificates or SOPS-encrypted are not reported; a value in a known credential format (private key, cloud or API token, JWT, connection string with a password, registry credentials) raises the finding to an error.',
    remediation:
      'Rotate any credential that was committed. Keep the values in a secret store and create the Secret at deploy time: External Secrets Operator, Sealed Secrets, SOPS-encrypted manifests, or `kubectl create secret` in the pipeline.',
    messages: {
      credential: '{secret} commits credentials in `{field}`: {details}. Rotate them, and create the Secret at deploy time from a secret store (External Secrets, Sealed Secrets, SOPS) instead of committing it.',
      values: '{secret} commits {values} in `{field}`{details}. Create the Secret at deploy time from a secret store (External Secrets, Sealed Secrets, SOPS) instead of committing it.',
    },
    fix: 'none',
    equivalents: { cis: ['5.4.2'] },
    references: ['https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
  },
  check(resource, context) {
    if (resource.kind !== 'Secret' || pairOf(resource.node, 'sops')) return;
    for (const field of ['data', 'stringData'] as const) {
      const map = mapAt(resource.node, [field], resource.document);
      const committed = map ? committedValues(map, field === 'data', resource.document) : [];
      if (committed.length === 0) continue;
      const secret = describeResource(resource);
      const range = keyRange(resource.node, field);
      const named = committed.flatMap((entry) => (entry.credential ? [`\`${entry.key}\` holds ${entry.credential}`] : [])).join(', ');
      if (committed.some((entry) => entry.known)) {
        context.report({ messageId: 'credential', data: { secret, field, details: named }, range, severity: 'error' });
      } else {
        const values = listValues(committed.map((entry) => entry.key));
        context.report({ messageId: 'values', data: { secret, field, values, details: named ? `; ${named}` : '' }, range });
      }
    }
  },
};

interface CommittedValue {
  readonly key: string;
  /** What the value looks like (`a private key`), when it looks like anything. */
  readonly credential?: string;
  /** True when a known credential format matched (not just a password-like key name). */
  readonly known: boolean;
}

/** The keys of `map` that hold a real-looking value, with what each looks like. */
function committedValues(map: YamlMap, base64: boolean, document: YamlDocument): CommittedValue[] {
  return map.items.flatMap((item) => {
    const key = asScalar(item.key)?.value;
    const value = asScalar(resolveNode(item.value, document))?.value;
    if (key === undefined || key === null || value === undefined || value === null) return [];
    const verdict = judgeValue(String(key), String(value), base64);
    return verdict ? [{ key: String(key), ...verdict }] : [];
  });
}

/** What a value looks like, or undefined when it is nothing to report (empty, placeholder, public, encrypted). */
export function judgeValue(key: string, written: string, base64: boolean): Omit<CommittedValue, 'key'> | undefined {
  const raw = written.trim();
  if (raw === '' || SOPS_VALUE.test(raw) || PLACEHOLDER.test(raw)) return undefined;
  const value = (base64 ? decodeBase64(raw) : undefined)?.trim() ?? raw;
  if (value === '' || PLACEHOLDER.test(value) || FILL_IN.test(value) || SOPS_VALUE.test(value)) return undefined;
  if (PUBLIC_MATERIAL.test(value) && !/PRIVATE KEY/.test(value)) return undefined;
  const format = CREDENTIAL_FORMATS.find(({ pattern }) => pattern.test(value));
  if (format) return { credential: format.kind, known: true };
  const password = CONNECTION_STRING.exec(value)?.[1];
  if (password !== undefined && !PLACEHOLDER.test(password) && !TEMPLATED.test(password)) return { credential: 'a connection string with a password', known: true };
  if (TEMPLATED.test(value)) return undefined;
  if (PASSWORD_LIKE_KEY.test(key)) return { credential: 'a password-like value', known: false };
  return { known: false };
}

/** Standard base64 (line breaks allowed) to text; undefined when it is not valid base64. */
function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  try {
    const binary = atob(compact);
    return new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function listValues(keys: readonly string[]): string {
  const shown = keys.slice(0, LISTED_KEYS).map((key) => `\`${key}\``).join(', ');
  const more = keys.length > LISTED_KEYS ? ` and ${keys.length - LISTED_KEYS} more` : '';
  return `${keys.length === 1 ? '1 value' : `${keys.length} values`} (${shown}${more})`;
}


/**
 * What a committed value looks like: a known credential format (private key, cloud access key,
 * token with a well-known prefix, JWT, connection string with a password), a password-like
 * value under a secret-looking key, or nothing worth reporting (empty, placeholder, templated,
 * public material, SOPS-encrypted). Shared by every rule that judges secret values; never
 * returns the value itself.
 */

export interface SecretVerdict {
  /** What the value looks like, e.g. `an AWS access key ID`; absent when nothing is recognisable. */
  readonly credential?: string;
  /** True when a known credential format matched (findings are raised to errors). */
  readonly known: boolean;
}

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

/**
 * `scheme://user:password@host`; the password is group 1. The scheme starts where a run of
 * scheme characters does (not at any `\b`, which on `a.a.a.a…` rescans the run from every dot).
 */
const CONNECTION_STRING = /(?<![\w+.-])[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]+)@/i;

/** Key names that say "this is a password", without a recognisable format. */
const PASSWORD_LIKE_KEY = /pass(?:word|wd|phrase)?|pwd|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|credential/i;

/** Values nobody would deploy: left to be filled in, or templated by another tool. */
const PLACEHOLDER =
  /^(?:<[^<>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|(?:change|replace)[-_ ]?me|todo|tbd|fixme|placeholder|dummy|example|redacted|none|null|n\/a|x+|\*+|\.+|-+|_+|0+)$/i;
/**
 * A value another tool fills in (`${DB_PASSWORD}` inside a URL): skipped unless a known credential
 * shows. An expansion's body stops at the next `${` / `$(` / `{{` (finding the innermost one):
 * `[^}]+` would scan from every `${` of `${${${…` to the end, quadratic on a long value.
 */
const TEMPLATED = /\$\{(?:[^$}]|\$(?!\{))+\}|\$\((?:[^$)]|\$(?!\())+\)|\{\{(?:[^{}\n\r\u2028\u2029]|\{(?!\{)|\}(?!\}))*\}\}/;
const FILL_IN = /^(?:your|my|insert|enter|put)[-_ ]|[-_ ]here$/i;

/** Public material that often sits next to secrets (certificates, public keys) is no secret. */
const PUBLIC_MATERIAL = /^(?:-----BEGIN (?:CERTIFICATE|PUBLIC KEY|[A-Z]+ PUBLIC KEY|X509 CRL)-----|(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+) [A-Za-z0-9+/=]+)/;

/** SOPS leaves `ENC[AES256_GCM,…]` values: encrypted, so fine to commit. */
const SOPS_VALUE = /^ENC\[/;

/** What a value looks like, or undefined when it is nothing to report (empty, placeholder, public, encrypted). */
export function judgeSecretValue(key: string, written: string, base64: boolean): SecretVerdict | undefined {
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

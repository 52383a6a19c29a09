/**
 * Whether a variable or key name suggests it holds a secret. Shared by the Dockerfile
 * `ARG`/`ENV`, Kubernetes `env`/ConfigMap and Compose `environment` rules, so one policy
 * decides everywhere (see `dockerfile/secret-in-arg-env`'s rationale for its reasoning).
 */

/** Words that name a secret wherever they stand in the name. */
const SECRET_WORDS = new Set([
  'password', 'passwords', 'passwd', 'pword', 'pass', 'passphrase', 'psw',
  'secret', 'secrets', 'token', 'tokens', 'apikey', 'credential', 'credentials', 'creds', 'auth',
]);
/** A word that ends like this is a compound secret word: `CLIENTSECRET`, `GHTOKEN`, `DBPASSWORD`. */
const SECRET_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey'];
/** Secret only as the last word: `API_KEY`, `SSH_KEY`; but `KEY_ID` or `APT_KEY_DONT_WARN` are not. */
const LAST_WORD_SECRETS = new Set(['key', 'keys']);
/** Names without a secret word that still hold one (from hadolint's and trivy's lists). */
const KNOWN_SECRET_NAMES = new Set(['AWS_ACCESS_KEY_ID']);
/** Names with a secret word that hold a file path (`secret-file-in-image` is about those). */
const KNOWN_LOCATOR_NAMES = new Set(['GOOGLE_APPLICATION_CREDENTIALS']);
/** Public values are not secrets (BuildKit's own exception). */
const PUBLIC_WORDS = new Set(['public', 'pub']);
/** A GPG/PGP key named in a Dockerfile is a key id or public key to verify downloads with. */
const VERIFICATION_KEY_WORDS = new Set(['gpg', 'pgp']);
/** Last words that say the variable locates or describes a secret rather than holding it. */
const DESCRIPTOR_WORDS = new Set([
  'file', 'files', 'path', 'dir', 'sock', 'socket', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'server',
  'name', 'id', 'type', 'method', 'mode', 'provider', 'policy', 'version', 'algorithm', 'alg', 'length', 'len',
  'size', 'ttl', 'timeout', 'expiry', 'expires', 'enabled', 'disabled', 'required', 'location', 'keyring', 'env', 'var',
]);
/** Words that make the variable a switch about secrets (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`). */
const SWITCH_WORDS = new Set(['allow', 'empty', 'random', 'skip', 'enable', 'disable', 'no', 'require', 'generate']);

/** Whether a variable name suggests it holds a secret (see the rationale for the exact policy). */
export function looksLikeSecretName(name: string): boolean {
  if (KNOWN_SECRET_NAMES.has(name.toUpperCase())) return true;
  if (KNOWN_LOCATOR_NAMES.has(name.toUpperCase())) return false;
  const words = name
    .split(/[_\-.]+|(?<=[a-z0-9])(?=[A-Z])/)
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
  const last = words[words.length - 1];
  if (last === undefined || DESCRIPTOR_WORDS.has(last)) return false;
  if (words.some((word) => PUBLIC_WORDS.has(word) || SWITCH_WORDS.has(word))) return false;
  return (
    (LAST_WORD_SECRETS.has(last) && !words.some((word) => VERIFICATION_KEY_WORDS.has(word))) ||
    words.some((word) => SECRET_WORDS.has(word) || SECRET_SUFFIXES.some((suffix) => word.length > suffix.length && word.endsWith(suffix)))
  );
}

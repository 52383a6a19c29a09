import type { DockerfileRule } from '../define';

export const secretInArgEnv: DockerfileRule = {
  meta: {
    id: 'dockerfile/secret-in-arg-env',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'A secret is passed through `ARG` or `ENV`',
    rationale:
      '`ENV` values are stored in the image configuration, readable by anyone who can pull the image (`docker inspect`); `ARG` values are recorded in the image history, the build cache and provenance attestations. A password, token or private key passed either way leaks with the image. Only names are read, never values. A name looks secret when one of its words (split at `_`, `-`, `.` and camelCase) is `password`, `passwd`, `pword`, `pass`, `passphrase`, `psw`, `secret(s)`, `token(s)`, `apikey`, `credential(s)`, `creds` or `auth`, or ends in `password`, `secret`, `token` or `apikey` (`CLIENTSECRET`), or when its last word is `key(s)` (`API_KEY`, `SSH_KEY`), or it is `AWS_ACCESS_KEY_ID`. To keep false alarms low it does not when a word is `public`/`pub` (as in BuildKit\'s own check); when its last word says it locates or describes a secret rather than holding one (`_FILE`, `_PATH`, `_DIR`, `_SOCK`, `_URL`, `_HOST`, `_PORT`, `_NAME`, `_ID`, `_TYPE`, `_METHOD`, `_MODE`, `_ENABLED`, …: `POSTGRES_PASSWORD_FILE` is the recommended pattern); when a word makes it a switch (`ALLOW`, `EMPTY`, `RANDOM`, `SKIP`, …: `MYSQL_ALLOW_EMPTY_PASSWORD`); for `GPG_KEY`/`PGP_KEY` (the public key official images verify downloads with) and `GOOGLE_APPLICATION_CREDENTIALS` (a file path). User names (hadolint\'s `username`, trivy\'s `usr`) and `private` alone are identifiers, not secrets.',
    remediation:
      'Pass build-time secrets with a BuildKit secret mount, `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` (built with `docker build --secret id=npm_token,env=NPM_TOKEN .`), so they never reach a layer or the history; give runtime secrets to the container when it starts (orchestrator secrets, `--env-file`, a mounted file such as `*_FILE=/run/secrets/…`). Rotate any secret that was already built into an image.',
    messages: {
      arg: '`ARG {name}` looks like a secret: build arguments are recorded in the image history and build metadata. Use a secret mount (`RUN --mount=type=secret,id={id}`) instead.',
      env: '`ENV {name}` looks like a secret: `ENV` values are stored in the image for anyone who pulls it. Use a secret mount at build time (`RUN --mount=type=secret,id={id}`) or pass it at runtime.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3064'], trivy: ['DS-0031'], cis: ['4.10'] },
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/', 'CIS Docker Benchmark 4.10'],
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
      for (const property of instruction.properties) {
        if (!looksLikeSecretName(property.name)) continue;
        context.report({
          messageId: instruction.keyword === 'ARG' ? 'arg' : 'env',
          data: { name: property.name, id: property.name.toLowerCase() },
          range: property.nameRange,
        });
      }
    }
  },
};

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

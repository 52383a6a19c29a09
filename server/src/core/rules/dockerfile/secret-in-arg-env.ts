import { looksLikeSecretName } from '../../secrets/secret-names';
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
    example: {
      insecure: 'FROM alpine:3.20\nARG NPM_TOKEN\nRUN npm ci\n',
      secure: 'FROM node:22-alpine\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n',
    },
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

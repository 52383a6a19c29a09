import { rewriteString } from '../../compose/compose-edits';
import { describeService, serviceEnvironment, serviceField, type EnvironmentEntry } from '../../compose/service-fields';
import type { ComposeService } from '../../compose/model';
import type { TextEdit } from '../../engine/types';
import { looksLikeSecretName } from '../../secrets/secret-names';
import { judgeSecretValue } from '../../secrets/secret-values';
import { rangeOf } from '../../yaml/yaml-document';
import { replaceNode } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

/** A name Compose can take from the shell or `.env` as `${NAME}`. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const secretInEnvironment: ComposeRule = {
  meta: {
    id: 'compose/secret-in-environment',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service has a secret written into `environment`',
    rationale:
      'A password, token or key written into the Compose file is in version control for good, readable by everyone with the repository, and shown by `docker inspect` and `docker compose config`. Interpolating it (`${DB_PASSWORD}`) keeps the value in the shell or an uncommitted `.env` file; Compose `secrets:` keep it out of the environment altogether.',
    remediation:
      'Replace the value with `${NAME}` and set it in an uncommitted `.env` file or the shell, or better declare a top-level `secrets:` entry, grant it to the service with `secrets:` and point the application at `/run/secrets/<name>` (many images read `NAME_FILE`). Rotate the value that was committed.',
    messages: {
      secretName: '{service} sets `{name}` in `environment` to a literal secret value. Use `${{name}}` from `.env` or a Compose secret, and rotate the committed value.',
      knownCredential: '{service} sets `{name}` in `environment` to {credential}. Use `${{name}}` from `.env` or a Compose secret, and rotate the committed value.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['passwords_and_secrets'],
      cis: ['4.10'],
    },
    references: ['https://docs.docker.com/compose/how-tos/use-secrets/', 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/'],
    example: {
      insecure: 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: hunter2-prod\n',
      secure: 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'environment');
    for (const entry of serviceEnvironment(service, field)) {
      if (entry.value === undefined || entry.interpolated || entry.name === '' || /_FILE$/i.test(entry.name)) continue;
      const verdict = judgeSecretValue(entry.name, entry.value, false);
      if (!verdict) continue;
      const secretName = looksLikeSecretName(entry.name);
      if (!verdict.known && !secretName) continue;
      const edits = field?.inherited || entry.inheritedRange ? [] : interpolationEdits(service, entry);
      context.report({
        messageId: verdict.known ? 'knownCredential' : 'secretName',
        data: { service: describeService(service, field), name: entry.name, credential: verdict.credential ?? 'a secret' },
        range: field?.inherited ? field.range : entry.inheritedRange ? entry.inheritedRange : entry.syntax === 'map' ? { start: rangeOf(entry.nameNode).start, end: rangeOf(entry.valueWritten!).end } : rangeOf(entry.valueWritten!),
        ...(edits.length > 0 ? { fix: { title: `Take ${entry.name} from the environment (\${${entry.name}})`, edits } } : {}),
      });
    }
  },
};

function interpolationEdits(service: ComposeService, entry: EnvironmentEntry): TextEdit[] {
  if (!VARIABLE_NAME.test(entry.name) || !entry.valueNode || !entry.valueWritten) return [];
  if (entry.syntax === 'map') return [replaceNode(entry.valueWritten, `\${${entry.name}}`)];
  const edit = rewriteString(service.file, entry.valueNode, `${entry.name}=\${${entry.name}}`, entry.valueWritten);
  return edit ? [edit] : [];
}

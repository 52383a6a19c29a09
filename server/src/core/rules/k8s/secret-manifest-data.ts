/**
 * One finding per `data` / `stringData` mapping of a Secret (not one per key: a Secret with
 * twenty keys is one decision to make, not twenty), pointing at that key. The message names the
 * keys and what each looks like — never a value, not even masked.
 */
import { describeResource } from '../../kubernetes/model';
import { asScalar, entriesOf, keyRange, mapAt, pairOf, resolveNode, type YamlDocument, type YamlMap } from '../../yaml/yaml-document';
import { judgeSecretValue, type SecretVerdict } from '../../secrets/secret-values';
import type { KubernetesRule } from '../define';

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
    example: {
      insecure: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: correct-horse-battery-staple\n',
      secure: 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n  secretStoreRef: {name: vault, kind: ClusterSecretStore}\n  target: {name: db}\n  data:\n    - secretKey: password\n      remoteRef: {key: db, property: password}\n',
    },
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

interface CommittedValue extends SecretVerdict {
  readonly key: string;
}

/** The keys of `map` that hold a real-looking value, with what each looks like. */
function committedValues(map: YamlMap, base64: boolean, document: YamlDocument): CommittedValue[] {
  return entriesOf(map, document).flatMap(({ key, pair }) => {
    const value = asScalar(resolveNode(pair.value, document))?.value;
    if (value === undefined || value === null) return [];
    const verdict = judgeSecretValue(key, String(value), base64);
    return verdict ? [{ key, ...verdict }] : [];
  });
}

function listValues(keys: readonly string[]): string {
  const shown = keys.slice(0, LISTED_KEYS).map((key) => `\`${key}\``).join(', ');
  const more = keys.length > LISTED_KEYS ? ` and ${keys.length - LISTED_KEYS} more` : '';
  return `${keys.length === 1 ? '1 value' : `${keys.length} values`} (${shown}${more})`;
}


/**
 * Literal `env` values under secret-looking names, in every container list of every workload
 * kind. The fix (a suggestion: the Secret must exist first) rewrites `value: …` into a
 * `valueFrom.secretKeyRef` skeleton whose Secret name is a placeholder; the literal is removed.
 */
import type { TextEdit } from '../../engine/types';
import { containersOf, describeContainer, podSpecOf, type Container } from '../../kubernetes/workloads';
import { judgeSecretValue } from '../../secrets/secret-values';
import { looksLikeSecretName } from '../../secrets/secret-names';
import { asMap, asScalar, pairOf, pairRange, rangeOf, seqItems, stringValue, valueOf, writtenValueOf, type YamlFile, type YamlMap } from '../../yaml/yaml-document';
import { eol } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** The placeholder the fix writes for the Secret's name: the user replaces it. */
export const SECRET_NAME_PLACEHOLDER = '<secret-name>';
/** Switch-like values are settings about secrets, not secrets. */
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off|enabled?|disabled?)$/i;

export const envLiteralSecret: KubernetesRule = {
  meta: {
    id: 'k8s/env-literal-secret',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Secret written as a literal environment variable value',
    rationale:
      'A password or token written into `env[].value` is committed with the manifest, readable by everyone with read access to the workload (`kubectl get deployment -o yaml` needs no Secret permission), and shows up in diffs and CI logs. Names are judged like everywhere in Bulkhead (`PASSWORD`, `*_TOKEN`, `API_KEY`, `CLIENT_SECRET`, …, but not `*_FILE`, `*_URL`, `*_NAME` locators); placeholders, `$(VAR)` references and templated values are not reported.',
    remediation:
      'Rotate the credential, store it in a Secret (created from a secret store, not committed), and reference it with `valueFrom.secretKeyRef` — or mount the Secret as a file. The quick fix writes the `secretKeyRef` skeleton with a `<secret-name>` placeholder to replace.',
    messages: {
      literal: '{container} sets `{name}` to a literal value{details}. Store it in a Secret and reference it with `valueFrom.secretKeyRef`.',
    },
    fix: 'suggestion',
    equivalents: { 'kube-linter': ['env-var-secret'] },
    references: ['https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/#define-container-environment-variables-using-secret-data'],
    example: {
      insecure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:1.4.2\n          env:\n            - name: DB_PASSWORD\n              value: hunter2',
      secure: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:1.4.2\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: api-db\n                  key: password',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const container of containersOf(podSpec)) {
      for (const entry of envEntries(container)) {
        const name = stringValue(entry, 'name', resource.document);
        const value = asScalar(valueOf(entry, 'value', resource.document));
        if (name === undefined || !value || value.value === null || value.value === undefined || !looksLikeSecretName(name)) continue;
        const written = String(value.value);
        if (SWITCH_VALUE.test(written.trim())) continue;
        const verdict = judgeSecretValue(name, written, false);
        if (!verdict) continue;
        context.report({
          messageId: 'literal',
          data: { container: describeContainer(container), name, details: verdict.known && verdict.credential ? ` (it looks like ${verdict.credential})` : '' },
          range: trimmedRange(resource.file, rangeOf(writtenValueOf(entry, 'value')!)),
          fix: { title: `Reference \`${name}\` from a Secret (valueFrom.secretKeyRef)`, edits: toSecretKeyRef(resource.file, entry, name) },
        });
      }
    }
  },
};

/** A block scalar's range ends after its last line break: stop at its last character instead. */
function trimmedRange(file: YamlFile, range: { start: number; end: number }): { start: number; end: number } {
  return { start: range.start, end: range.start + file.text.slice(range.start, range.end).trimEnd().length };
}

function envEntries(container: Container): YamlMap[] {
  const document = container.podSpec.resource.document;
  return seqItems(valueOf(container.node, 'env', document), document).flatMap((item) => asMap(item) ?? []);
}

/** Replaces the `value` pair with a `valueFrom.secretKeyRef` skeleton, indented like the pair. */
function toSecretKeyRef(file: YamlFile, entry: YamlMap, name: string): TextEdit[] {
  const range = pairRange(entry, 'value');
  if (!range || !pairOf(entry, 'value')) return [];
  const end = range.start + file.text.slice(range.start, range.end).trimEnd().length;
  const key = /^[A-Za-z_][-._A-Za-z0-9]*$/.test(name) ? name : JSON.stringify(name);
  if (entry.flow) {
    return [{ start: range.start, end, newText: `valueFrom: { secretKeyRef: { name: ${SECRET_NAME_PLACEHOLDER}, key: ${key} } }` }];
  }
  const column = file.lines.positionAt(range.start).character;
  const newline = eol(file);
  const indent = (depth: number) => newline + ' '.repeat(column + depth * 2);
  return [{ start: range.start, end, newText: `valueFrom:${indent(1)}secretKeyRef:${indent(2)}name: ${SECRET_NAME_PLACEHOLDER}${indent(2)}key: ${key}` }];
}

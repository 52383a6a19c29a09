import type { WorkspaceView } from '../../workspace/workspace-index';
import type { CrossFileRule } from '../define';

/** Kinds that produce a Secret of their own name at deploy time. */
const SECRET_PRODUCERS = ['Secret', 'ExternalSecret', 'SealedSecret'];

export const envValueFromMissing: CrossFileRule = {
  meta: {
    id: 'k8s/env-value-from-missing',
    target: 'kubernetes',
    scope: 'workspace',
    defaultSeverity: 'info',
    title: 'Secret or ConfigMap reference not found in the workspace',
    rationale:
      'A container that reads a Secret or ConfigMap (through `secretKeyRef`, `configMapKeyRef`, `envFrom` or a volume) that does not exist does not start; one that reads a key the object does not have fails the same way. Bulkhead checks the references against the Secrets, ConfigMaps, ExternalSecrets and SealedSecrets of the same namespace in the workspace. References marked `optional: true` are skipped; it is information only, since such objects often come from elsewhere.',
    remediation: 'Add the Secret/ConfigMap (or the ExternalSecret that creates it), fix the name or key, or mark the reference `optional: true` when the container copes without it.',
    messages: {
      missingObject: '{from} reads {kind} `{name}`, which no manifest in the workspace defines. Add it or fix the name.',
      missingKey: '{from} reads key `{key}` of {kind} `{name}`, which has no such key. Add the key or fix the reference.',
    },
    fix: 'none',
    equivalents: { 'kube-linter': ['env-value-from'] },
    example: {
      insecure: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: pasword}   # the Secret has `password`\n',
      secure: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}\n',
    },
  },
  check({ object, workspace }, context) {
    for (const reference of object.references) {
      if (reference.kind === 'ServiceAccount' || reference.optional) continue;
      const candidates = producersOf(workspace, reference.kind).filter(({ object: target }) => target.name === reference.name && target.namespace === object.namespace);
      if (candidates.length === 0) {
        context.report({ messageId: 'missingObject', data: { from: reference.from, kind: reference.kind, name: reference.name }, range: reference.range });
        continue;
      }
      // A key can be checked only against objects whose data is in the workspace.
      const withData = candidates.filter(({ object: target }) => target.kind === reference.kind && target.dataKeys.length > 0);
      if (reference.key !== undefined && withData.length === candidates.length && !withData.some(({ object: target }) => target.dataKeys.includes(reference.key!))) {
        context.report({ messageId: 'missingKey', data: { from: reference.from, kind: reference.kind, name: reference.name, key: reference.key }, range: reference.range });
      }
    }
  },
};

function producersOf(workspace: WorkspaceView, kind: 'Secret' | 'ConfigMap') {
  return kind === 'ConfigMap' ? workspace.ofKind('ConfigMap') : SECRET_PRODUCERS.flatMap((producer) => workspace.ofKind(producer));
}

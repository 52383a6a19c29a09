import { containersOf, describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { asMap, keyRange, mapAt, seqItems, stringValue, valueOf } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

export const secretAsEnv: KubernetesRule = {
  meta: {
    id: 'k8s/secret-as-env',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Secret exposed as environment variables',
    rationale:
      'Environment variables are easy to leak: they are inherited by every child process, printed by crash handlers, debug endpoints and `env` in support sessions, readable from `/proc/<pid>/environ`, and they never change while the pod runs, so a rotated Secret needs a restart. A Secret mounted as a volume is readable only by the process that opens the file and is updated in place. This is advice, not a vulnerability: it is reported as info.',
    remediation:
      'Mount the Secret as a volume (`volumes[].secret` plus `volumeMounts`, read-only) and have the application read the file, e.g. through a `*_FILE` variable that holds the path.',
    messages: {
      secretKeyRef: '{container} reads key `{key}` of Secret `{secret}` into environment variable `{name}`. Mount the Secret as a read-only volume and read the file instead.',
      secretRef: '{container} loads every key of Secret `{secret}` as environment variables (`envFrom`). Mount the Secret as a read-only volume and read the files instead.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV_K8S_35'], 'kube-linter': ['read-secret-from-env-var'], cis: ['5.4.1'] },
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/api:1.4.2\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: api-db\n              key: password',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/api:1.4.2\n      env:\n        - name: DB_PASSWORD_FILE\n          value: /var/run/secrets/db/password\n      volumeMounts:\n        - name: db\n          mountPath: /var/run/secrets/db\n          readOnly: true\n  volumes:\n    - name: db\n      secret:\n        secretName: api-db',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const document = resource.document;
    for (const container of containersOf(podSpec)) {
      const described = describeContainer(container);
      for (const item of seqItems(valueOf(container.node, 'env', document), document)) {
        const entry = asMap(item);
        const valueFrom = mapAt(entry, ['valueFrom'], document);
        const ref = mapAt(valueFrom, ['secretKeyRef'], document);
        if (!ref) continue;
        context.report({
          messageId: 'secretKeyRef',
          data: {
            container: described,
            name: stringValue(entry, 'name', document) ?? '?',
            secret: stringValue(ref, 'name', document) ?? '?',
            key: stringValue(ref, 'key', document) ?? '?',
          },
          range: keyRange(valueFrom!, 'secretKeyRef'),
        });
      }
      for (const item of seqItems(valueOf(container.node, 'envFrom', document), document)) {
        const source = asMap(item);
        const ref = mapAt(source, ['secretRef'], document);
        if (!ref) continue;
        context.report({
          messageId: 'secretRef',
          data: { container: described, secret: stringValue(ref, 'name', document) ?? '?' },
          range: keyRange(source!, 'secretRef'),
        });
      }
    }
  },
};

import { describeResource } from '../../kubernetes/model';
import { annotationEntries, podAnnotationsOf, securityContextsOf } from '../../kubernetes/pod-security';
import { podSpecOf } from '../../kubernetes/workloads';
import { hasValue, mapAt, pairRange, stringValue, valueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export const apparmorNotDefault: KubernetesRule = {
  meta: {
    id: 'k8s/apparmor-not-default',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'AppArmor is disabled or overridden',
    rationale:
      'On nodes with AppArmor the runtime\'s default profile stops a container from writing to `/proc` and `/sys` entries, mounting file systems and similar escape steps; `Unconfined` removes that layer. The Pod Security Standards baseline allows `appArmorProfile.type` only `RuntimeDefault` or `Localhost` (pod and every container), and the legacy `container.apparmor.security.beta.kubernetes.io/<container>` annotations only `runtime/default`, `localhost/<profile>` or empty.',
    remediation:
      'Remove the override or set `securityContext.appArmorProfile.type: RuntimeDefault` (annotation value `runtime/default`); if the workload needs more, write a `Localhost` profile that allows just that.',
    messages: {
      type: '{where} sets `appArmorProfile.type: {value}`, which disables the AppArmor profile. Set it to `RuntimeDefault`.',
      annotation: '{resource} sets annotation `{key}: {value}`, which disables the AppArmor profile. Use `runtime/default` (better: the `appArmorProfile` field).',
    },
    fix: 'safe',
    equivalents: {
      trivy: ['KSV-0002'],
      pss: ['baseline: AppArmor'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    appArmorProfile:\n      type: Unconfined\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document } = resource;
    for (const site of securityContextsOf(podSpec)) {
      const profile = mapAt(site.securityContext, ['appArmorProfile'], document);
      const type = stringValue(profile, 'type', document);
      if (type === undefined || ALLOWED_TYPES.has(type)) continue;
      context.report({
        messageId: 'type',
        data: { where: site.description, value: type },
        range: pairRange(profile!, 'type')!,
        fix: { title: 'Use the RuntimeDefault AppArmor profile', edits: setIn(resource.file, document, profile!, ['type'], 'RuntimeDefault') },
      });
    }
    const annotations = podAnnotationsOf(podSpec);
    for (const { key, value } of annotationEntries(annotations, podSpec)) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const node = valueOf(annotations, key, document);
      if (!hasValue(node) || value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
      context.report({
        messageId: 'annotation',
        data: { resource: describeResource(resource), key, value },
        range: pairRange(annotations!, key)!,
        fix: { title: 'Use the runtime/default AppArmor profile', edits: setIn(resource.file, document, annotations!, [key], 'runtime/default') },
      });
    }
  },
};

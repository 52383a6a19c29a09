import { annotationEntries, podAnnotationsOf, securityContextsOf } from '../../kubernetes/pod-security';
import { podSpecOf } from '../../kubernetes/workloads';
import { describeResource } from '../../kubernetes/model';
import { hasValue, mapAt, pairRange, stringValue, valueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** Values of the (pre-1.19) seccomp annotations that still confine the process. */
function isConfiningAnnotation(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

export const seccompUnconfined: KubernetesRule = {
  meta: {
    id: 'k8s/seccomp-unconfined',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Seccomp is explicitly disabled (Unconfined)',
    rationale:
      'Seccomp filters the system calls a container may make; `Unconfined` switches the filter off, re-opening the rarely used kernel interfaces (keyctl, unshare, bpf, …) that most container-escape exploits go through. The Pod Security Standards baseline allows only `RuntimeDefault` and `Localhost` for `seccompProfile.type` in the pod\'s and every container\'s security context; the legacy annotations (`seccomp.security.alpha.kubernetes.io/pod`, `container.seccomp.security.alpha.kubernetes.io/<name>`) must likewise be `runtime/default`, `docker/default` or `localhost/<profile>`.',
    remediation:
      'Set `seccompProfile.type: RuntimeDefault` (or `Localhost` with a profile that allows what the workload needs), and replace legacy seccomp annotations by the `seccompProfile` field.',
    messages: {
      type: '{where} sets `seccompProfile.type: {value}`, which runs without a seccomp filter. Set it to `RuntimeDefault`.',
      annotation: '{resource} sets annotation `{key}: {value}`, which runs without a seccomp filter. Use `runtime/default` (better: the `seccompProfile` field).',
    },
    fix: 'safe',
    equivalents: {
      trivy: ['KSV-0104'],
      pss: ['baseline: Seccomp'],
      cis: ['5.7.2'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    securityContext:\n      seccompProfile:\n        type: Unconfined\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n    securityContext:\n      seccompProfile:\n        type: RuntimeDefault\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document } = resource;
    const title = 'Use the RuntimeDefault seccomp profile';
    for (const site of securityContextsOf(podSpec)) {
      const profile = mapAt(site.securityContext, ['seccompProfile'], document);
      const type = stringValue(profile, 'type', document);
      if (type === undefined || ALLOWED_TYPES.has(type)) continue;
      context.report({
        messageId: 'type',
        data: { where: site.description, value: type },
        range: pairRange(profile!, 'type')!,
        fix: { title, edits: setIn(resource.file, document, profile!, ['type'], 'RuntimeDefault') },
      });
    }
    const annotations = podAnnotationsOf(podSpec);
    for (const { key, value } of annotationEntries(annotations, podSpec)) {
      if (key !== POD_ANNOTATION && !key.startsWith(CONTAINER_ANNOTATION_PREFIX)) continue;
      const node = valueOf(annotations, key, document);
      if (!hasValue(node) || value === '' || isConfiningAnnotation(value)) continue;
      context.report({
        messageId: 'annotation',
        data: { resource: describeResource(resource), key, value },
        range: pairRange(annotations!, key)!,
        fix: { title, edits: setIn(resource.file, document, annotations!, [key], 'runtime/default') },
      });
    }
  },
};

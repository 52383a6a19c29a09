import { isAtLeast, parseKubernetesVersion, securityContextsOf } from '../../kubernetes/pod-security';
import { podSpecOf } from '../../kubernetes/workloads';
import { hasValue, mapAt, pairRange, stringValue, valueOf } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** SELinux types the Pod Security Standards baseline allows; `container_engine_t` joins in 1.31. */
const ALLOWED_TYPES: readonly string[] = ['container_t', 'container_init_t', 'container_kvm_t'];
const ENGINE_TYPE = 'container_engine_t';
const ENGINE_TYPE_SINCE = 31;

export const selinuxCustomOptions: KubernetesRule = {
  meta: {
    id: 'k8s/selinux-custom-options',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Pod or container sets a custom SELinux user, role or type',
    rationale:
      'SELinux confines containers through the `container_t` family of types. A custom `seLinuxOptions.type` (such as `spc_t`, "super privileged container") or a custom `user`/`role` can lift that confinement. The Pod Security Standards baseline allows `seLinuxOptions.type` to be only empty, `container_t`, `container_init_t` or `container_kvm_t` (and `container_engine_t` from Kubernetes 1.31), and `user` and `role` to be unset, in the pod\'s and every container\'s security context; `level` is free.',
    remediation:
      'Remove `seLinuxOptions.user` and `.role`, and either remove `.type` or set one of the allowed container types. Keep `level` if you use MCS categories.',
    messages: {
      user: '{where} sets a custom SELinux user (`seLinuxOptions.user: {value}`). Remove it.',
      role: '{where} sets a custom SELinux role (`seLinuxOptions.role: {value}`). Remove it.',
      type: '{where} sets SELinux type `{value}`, which the Pod Security Standards baseline does not allow ({allowed} are allowed for Kubernetes {version}). Remove it or use `container_t`.',
    },
    fix: 'suggestion',
    equivalents: {
      trivy: ['KSV-0025'],
      pss: ['baseline: SELinux'],
      cis: ['5.7.3'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    seLinuxOptions:\n      type: spc_t\n      user: system_u\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  securityContext:\n    seLinuxOptions:\n      level: "s0:c123,c456"\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { file, document } = resource;
    const version = parseKubernetesVersion(context.options.kubernetesVersion);
    const allowed = isAtLeast(version, ENGINE_TYPE_SINCE) ? [...ALLOWED_TYPES, ENGINE_TYPE] : ALLOWED_TYPES;
    for (const site of securityContextsOf(podSpec)) {
      const options = mapAt(site.securityContext, ['seLinuxOptions'], document);
      if (!options) continue;
      for (const field of ['user', 'role'] as const) {
        const value = valueOf(options, field, document);
        if (!hasValue(value) || stringValue(options, field, document) === '') continue;
        context.report({
          messageId: field,
          data: { where: site.description, value: stringValue(options, field, document) ?? '' },
          range: pairRange(options, field)!,
          fix: { title: `Remove seLinuxOptions.${field}`, edits: deletePair(file, options, field) },
        });
      }
      const type = stringValue(options, 'type', document);
      if (type === undefined || type === '' || allowed.includes(type)) continue;
      context.report({
        messageId: 'type',
        data: { where: site.description, value: type, allowed: allowed.map((name) => `\`${name}\``).join(', '), version: context.options.kubernetesVersion },
        range: pairRange(options, 'type')!,
      });
    }
  },
};

import { isTrustedRegistry, normaliseTrustedRegistries, registryOfImage } from '../../images/trusted-registries';
import { containerImagesOf } from '../../kubernetes/container-images';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import type { KubernetesRule } from '../define';

/** `${VAR}`, `$(VAR)`, `{{ … }}`: a value something else fills in, so nothing to judge. */
export const imageUntrustedRegistry: KubernetesRule = {
  meta: {
    id: 'k8s/image-untrusted-registry',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Container image comes from a registry outside the trusted list',
    rationale:
      'When your organisation vets images into a few registries (a mirror, a hardened catalogue), an image pulled from anywhere else skips that review: a typo-squatted or hijacked repository runs in the cluster with the pod\'s permissions. ' +
      'The rule is active only when trusted registries are configured (`bulkhead.trustedRegistries` in VS Code, `trustedRegistries` in `.bulkhead.yaml`). An image without a registry comes from Docker Hub, `docker.io` (`index.docker.io` and `registry-1.docker.io` mean the same). Entries match exactly, `*.example.com` matches any registry ending in `.example.com`, `registry*` any starting with `registry`, and `*` everything; case is ignored. Images a template fills in are skipped.',
    remediation:
      'Pull the image through a trusted registry (e.g. your mirror: `registry.example.com/library/nginx:1.27`), or, if the registry is in fact trusted, add it to `trustedRegistries`. An admission policy (Kyverno, Gatekeeper, ValidatingAdmissionPolicy) can enforce the same list in the cluster.',
    messages: {
      untrusted: '{container} uses image `{image}` from `{registry}`, which is not a trusted registry ({trusted}). Pull it through a trusted registry.',
    },
    fix: 'none',
    equivalents: {
      trivy: ['KSV-0125', 'KSV-0032', 'KSV-0033', 'KSV-0034', 'KSV-0035'],
    },
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    example: {
      insecure: '# trustedRegistries: ["registry.example.com"]\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      secure: '# trustedRegistries: ["registry.example.com"]\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/library/nginx:1.27\n',
    },
  },
  check(resource, context) {
    const trusted = normaliseTrustedRegistries(context.options.trustedRegistries);
    if (trusted.length === 0) return;
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const trustedList = trusted.map((entry) => `\`${entry}\``).join(', ');
    for (const { container, image, range } of containerImagesOf(podSpec)) {
      if (image.includes('$')) continue;
      const registry = registryOfImage(image);
      if (isTrustedRegistry(registry, trusted)) continue;
      context.report({
        messageId: 'untrusted',
        data: { container: describeContainer(container), image, registry, trusted: trustedList },
        range,
      });
    }
  },
};

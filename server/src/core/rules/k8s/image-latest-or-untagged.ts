import { splitImageReference } from '../../images/image-reference';
import { containerImagesOf } from '../../kubernetes/container-images';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import type { KubernetesRule } from '../define';

/** `${VAR}`, `$(VAR)`, `{{ … }}`: a value something else fills in, so nothing to judge. */
export const imageLatestOrUntagged: KubernetesRule = {
  meta: {
    id: 'k8s/image-latest-or-untagged',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Container image is not pinned: `latest` tag or no tag',
    rationale:
      '`latest` (and an untagged image, which means `latest`) changes whenever the publisher pushes: two nodes can run different code for the same manifest, a rollback does not roll back, and a compromised upstream release deploys itself on the next restart. A digest (`@sha256:…`) pins the image; a registry port is not a tag, so `registry:5000/app` is untagged.',
    remediation:
      'Use a specific version tag (`nginx:1.27.2`) or, better, a digest (`nginx:1.27.2@sha256:…`), and update it deliberately (Renovate or Dependabot can do it).',
    messages: {
      latest: '{container} uses image `{image}` with the `latest` tag, which changes under you. Pin a version tag or a digest.',
      untagged: '{container} uses image `{image}` without a tag, which means `latest`. Pin a version tag or a digest.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_14'],
      'kube-linter': ['latest-tag'],
      trivy: ['KSV-0013'],
    },
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: registry.example.com:5000/acme/app\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: registry.example.com:5000/acme/app:1.4.2\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const { container, image, range } of containerImagesOf(podSpec)) {
      const { tag, digest } = splitImageReference(image);
      if (digest !== undefined || (tag && tag !== 'latest')) continue;
      context.report({
        messageId: tag === 'latest' ? 'latest' : 'untagged',
        data: { container: describeContainer(container), image },
        range,
      });
    }
  },
};

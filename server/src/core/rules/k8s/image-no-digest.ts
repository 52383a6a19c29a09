import { splitImageReference } from '../../images/image-reference';
import { containerImagesOf } from '../../kubernetes/container-images';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import type { KubernetesRule } from '../define';

/** `${VAR}`, `$(VAR)`, `{{ … }}`: a value something else fills in, so nothing to judge. */
export const imageNoDigest: KubernetesRule = {
  meta: {
    id: 'k8s/image-no-digest',
    target: 'kubernetes',
    defaultSeverity: 'info',
    optIn: true,
    title: 'Container image is not pinned by digest',
    rationale:
      'A tag is a pointer the publisher (or anyone who takes over the repository) can move: `nginx:1.27.2` today need not be the same bytes tomorrow, and nodes that pull at different times can run different code. A digest (`@sha256:…`) names the exact image content, so what was reviewed and scanned is what runs. Off by default: pinning every image by digest needs tooling (Renovate, Dependabot) to keep digests current.',
    remediation:
      'Append the image\'s digest: `nginx:1.27.2@sha256:<digest>` (keep the tag for readers; the digest decides). `crane digest nginx:1.27.2` or `docker buildx imagetools inspect nginx:1.27.2` prints it.',
    messages: {
      noDigest: '{container} uses image `{image}` without a digest, so the image behind it can change. Pin it with `@sha256:…`.',
    },
    fix: 'none',
    equivalents: {
      checkov: ['CKV_K8S_43'],
    },
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27.2\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27.2@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const { container, image, range } of containerImagesOf(podSpec)) {
      if (splitImageReference(image).digest !== undefined) continue;
      context.report({ messageId: 'noDigest', data: { container: describeContainer(container), image }, range });
    }
  },
};

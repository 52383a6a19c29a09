import { splitImageReference } from '../../images/image-reference';
import { containerImagesOf, isTemplated } from '../../kubernetes/container-images';
import { describeContainer, podSpecOf } from '../../kubernetes/workloads';
import { asScalar, hasValue, pairRange, sourceText, valueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

/** `${VAR}`, `$(VAR)`, `{{ … }}`: a value something else fills in, so nothing to judge. */
const FIELD = 'imagePullPolicy';

export const imagePullPolicy: KubernetesRule = {
  meta: {
    id: 'k8s/image-pull-policy',
    target: 'kubernetes',
    defaultSeverity: 'info',
    optIn: true,
    title: 'Container image is not always pulled (`imagePullPolicy` is not `Always`)',
    rationale:
      'For an image with a tag other than `latest`, Kubernetes defaults to `IfNotPresent`: a node that already has the image runs it without asking the registry. A moved tag is then not picked up, and a pod without the pull credentials can start a private image that another pod pulled onto the node (unless the `AlwaysPullImages` admission plugin is on). `Always` makes every start check the registry, which only re-downloads layers that changed. Images pinned by digest cannot change and are not reported, nor are untagged and `latest` images, which default to `Always`.',
    remediation:
      'Set `imagePullPolicy: Always` on the container, or pin the image by digest. Keep `Never` for images loaded onto the node by other means (e.g. `kind load`), and suppress the finding there.',
    messages: {
      unset: '{container} uses tagged image `{image}` without `imagePullPolicy`, so a node that has it cached never checks the registry. Set `imagePullPolicy: Always` or pin a digest.',
      notAlways: '{container} sets `imagePullPolicy: {policy}` for tagged image `{image}`, so a node that has it cached never checks the registry. Set it to `Always` or pin a digest.',
    },
    fix: 'safe',
    equivalents: {
      checkov: ['CKV_K8S_15'],
    },
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ghcr.io/acme/web:2.3.0\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ghcr.io/acme/web:2.3.0\n    imagePullPolicy: Always\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const { document, file } = resource;
    for (const { container, image, range: imageRange } of containerImagesOf(podSpec)) {
      const { tag, digest } = splitImageReference(image);
      if (digest !== undefined || tag === undefined || tag === 'latest') continue;
      const policyNode = valueOf(container.node, FIELD, document);
      const policy = asScalar(policyNode)?.value;
      if (policy === 'Always' || (typeof policy === 'string' && isTemplated(policy))) continue;
      const data = { container: describeContainer(container), image };
      const title = 'Set imagePullPolicy: Always';
      if (hasValue(policyNode)) {
        // An explicit `Never` or `IfNotPresent` may be deliberate (images loaded onto the node): only a suggestion.
        context.report({
          messageId: 'notAlways',
          data: { ...data, policy: sourceText(file, policyNode) },
          range: pairRange(container.node, FIELD)!,
          fix: { title, edits: setIn(file, document, container.node, [FIELD], 'Always'), safe: false },
        });
      } else {
        context.report({ messageId: 'unset', data, range: imageRange, fix: { title, edits: setIn(file, document, container.node, [FIELD], 'Always') } });
      }
    }
  },
};

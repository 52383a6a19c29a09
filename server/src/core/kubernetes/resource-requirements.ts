/**
 * Container resource requests and limits (`resources.{requests,limits}.{cpu,memory}`): which
 * containers leave one unset, with Kubernetes' own defaulting taken into account, and the check
 * the four rules about them share.
 */
import type { RuleContext, TextEdit } from '../engine/types';
import { hasValue, mapAt, valueOf } from '../yaml/yaml-document';
import { setIn } from '../yaml/yaml-edit';
import type { KubernetesResource } from './model';
import { containersOf, describeContainer, podSpecOf, type Container, type PodSpec } from './workloads';

export type ResourceSection = 'requests' | 'limits';
export type ComputeResource = 'cpu' | 'memory';

/**
 * Containers of the pod that leave `resources.<section>.<resource>` unset. Not counted as unset:
 * ephemeral containers (the API forbids them resources), every container when the pod spec
 * sets the value pod-wide (`spec.resources`, pod-level resources), and a request whose limit is
 * set (Kubernetes copies the limit into a missing request).
 */
export function containersWithout(podSpec: PodSpec, section: ResourceSection, resource: ComputeResource): Container[] {
  const document = podSpec.resource.document;
  if (hasValue(valueOf(mapAt(podSpec.node, ['resources', section], document), resource, document))) return [];
  return containersOf(podSpec).filter((container) => {
    if (container.list === 'ephemeralContainers') return false;
    const set = (which: ResourceSection) => hasValue(valueOf(mapAt(container.node, ['resources', which], document), resource, document));
    return !set(section) && !(section === 'requests' && set('limits'));
  });
}

/**
 * Edits that add `resources.<section>.<resource>` with an obviously unfinished value. The value
 * is not a valid quantity, so the API server rejects the manifest until someone chooses one.
 */
export function placeholderEdits(container: Container, section: ResourceSection, resource: ComputeResource, placeholder: string): TextEdit[] {
  const { file, document } = container.podSpec.resource;
  return setIn(file, document, container.node, ['resources', section, resource], JSON.stringify(placeholder));
}

/**
 * Reports every container of the resource's pod that leaves `resources.<section>.<resource>` unset
 * (see `containersWithout`) as `missing`, with a fix titled `fixTitle` that inserts `placeholder`.
 */
export function reportMissingRequirement(
  resource: KubernetesResource,
  context: RuleContext,
  section: ResourceSection,
  computeResource: ComputeResource,
  fix: { readonly title: string; readonly placeholder: string },
): void {
  const podSpec = podSpecOf(resource);
  if (!podSpec) return;
  for (const container of containersWithout(podSpec, section, computeResource)) {
    context.report({
      messageId: 'missing',
      data: { container: describeContainer(container) },
      range: container.anchorRange,
      fix: { title: fix.title, edits: placeholderEdits(container, section, computeResource, fix.placeholder) },
    });
  }
}

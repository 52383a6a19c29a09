/**
 * The one place that knows where pod specs live in every workload kind, and which container
 * lists a pod spec has. No rule spells `spec.template.spec`.
 */
import type { OffsetRange } from '../engine/types';
import { asMap, keyRange, mapAt, rangeOf, seqEntries, stringValue, writtenValueOf, type YamlMap } from '../yaml/yaml-document';
import { describeResource, type KubernetesResource } from './model';

/** Path from the resource root to the pod template (whose `spec` is the pod spec), per kind. */
const POD_TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  DeploymentConfig: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_TEMPLATE_PATHS);

export interface PodSpec {
  readonly resource: KubernetesResource;
  /** The pod spec mapping (`spec` of a Pod, `spec.template.spec` of a Deployment, …). */
  readonly node: YamlMap;
  /** The pod template's (or Pod's) `metadata`, when present. */
  readonly metadata: YamlMap | undefined;
  /** `spec.securityContext` of the pod, when present as a mapping. */
  readonly securityContext: YamlMap | undefined;
  /** The `spec:` key of the pod spec: where pod-level findings point. */
  readonly anchorRange: OffsetRange;
}

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
export const CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface Container {
  readonly podSpec: PodSpec;
  readonly list: ContainerList;
  readonly index: number;
  readonly name: string | undefined;
  readonly node: YamlMap;
  /** `securityContext` of the container, when present as a mapping. */
  readonly securityContext: YamlMap | undefined;
  /** Where container-level findings point when nothing more precise exists: its `name` (or first key). */
  readonly anchorRange: OffsetRange;
}

/**
 * Every rule asks for the same resource's pod spec and containers: they are found once per
 * resource. Keyed weakly by the (immutable) resource, so this memo holds nothing beyond the
 * analysis that built it and is invisible to callers.
 */
const podSpecMemo = new WeakMap<KubernetesResource, PodSpec | null>();
const containersMemo = new WeakMap<PodSpec, readonly Container[]>();

/** The pod spec of a workload, or undefined for kinds that have none (or an incomplete manifest). */
export function podSpecOf(resource: KubernetesResource): PodSpec | undefined {
  let podSpec = podSpecMemo.get(resource);
  if (podSpec === undefined) podSpecMemo.set(resource, (podSpec = findPodSpec(resource) ?? null));
  return podSpec ?? undefined;
}

function findPodSpec(resource: KubernetesResource): PodSpec | undefined {
  const templatePath = POD_TEMPLATE_PATHS[resource.kind];
  if (!templatePath) return undefined;
  const template = templatePath.length === 0 ? resource.node : mapAt(resource.node, templatePath, resource.document);
  const node = mapAt(template, ['spec'], resource.document);
  if (!template || !node) return undefined;
  return {
    resource,
    node,
    metadata: mapAt(template, ['metadata'], resource.document),
    securityContext: mapAt(node, ['securityContext'], resource.document),
    anchorRange: keyRange(template, 'spec'),
  };
}

/** True when the pod declares `spec.os.name: windows` (Pod Security Admission exempts such pods from Linux-only checks). */
export function isWindowsPod(podSpec: PodSpec): boolean {
  return stringValue(mapAt(podSpec.node, ['os'], podSpec.resource.document), 'name', podSpec.resource.document) === 'windows';
}

/** Every container of a pod spec: init containers, containers and ephemeral containers. */
export function containersOf(podSpec: PodSpec): readonly Container[] {
  let containers = containersMemo.get(podSpec);
  if (!containers) containersMemo.set(podSpec, (containers = findContainers(podSpec)));
  return containers;
}

function findContainers(podSpec: PodSpec): Container[] {
  const document = podSpec.resource.document;
  const containers: Container[] = [];
  for (const list of CONTAINER_LISTS) {
    seqEntries(writtenValueOf(podSpec.node, list), document).forEach((item, index) => {
      const node = asMap(item.node);
      if (!node) return;
      const name = stringValue(node, 'name', document);
      containers.push({
        podSpec,
        list,
        index,
        name,
        node,
        securityContext: mapAt(node, ['securityContext'], document),
        anchorRange: name !== undefined ? rangeOf(writtenValueOf(node, 'name')!) : rangeOf(item.written),
      });
    });
  }
  return containers;
}

/** `container \`web\` in Deployment \`api\`` — how messages name a container. */
export function describeContainer(container: Container): string {
  const kindOfContainer = container.list === 'containers' ? 'container' : container.list === 'initContainers' ? 'init container' : 'ephemeral container';
  const label = container.name !== undefined ? `${kindOfContainer} \`${container.name}\`` : `${kindOfContainer} #${container.index + 1}`;
  return `${label} in ${describeResource(container.podSpec.resource)}`;
}

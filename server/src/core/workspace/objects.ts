/**
 * What a Kubernetes resource contributes to the workspace index: its identity, labels, and the
 * references and selectors cross-file rules follow. Extracted once per YAML document (and
 * cached with it), so cross-file rules never need a syntax tree.
 */
import type { OffsetRange } from '../engine/types';
import { describeResource, type KubernetesResource } from '../kubernetes/model';
import { grantOf, isRole, policyRulesOf, roleRefOf, subjectsOf, WILDCARD, type Permission } from '../kubernetes/rbac';
import { containersOf, describeContainer, podSpecOf } from '../kubernetes/workloads';
import { asMap, asScalar, mapAt, pairOf, rangeOf, scalarValue, seqItems, stringValue, valueOf, writtenValueOf, type YamlDocument, type YamlMap } from '../yaml/yaml-document';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/** A label selector: every label must match and every requirement hold (an empty selector matches all). */
export interface LabelSelector {
  readonly matchLabels: ReadonlyMap<string, string>;
  readonly matchExpressions: readonly LabelRequirement[];
}

/** A reference from a workload to another object by name. */
export interface ObjectReference {
  readonly kind: 'ServiceAccount' | 'Secret' | 'ConfigMap';
  readonly name: string;
  /** The key inside a Secret/ConfigMap, for `secretKeyRef`/`configMapKeyRef`. */
  readonly key: string | undefined;
  /** `optional: true` references may be missing. */
  readonly optional: boolean;
  readonly range: OffsetRange;
  /** Who refers, for messages: `container \`web\` in Deployment \`api\``. */
  readonly from: string;
}

export interface PodTemplateInfo {
  readonly labels: ReadonlyMap<string, string>;
  /** The pod spec's `spec:` key: where pod-level findings point. */
  readonly anchorRange: OffsetRange;
}

export interface WorkspaceObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  /** As written; undefined when the manifest leaves it to the deploy tool. */
  readonly namespace: string | undefined;
  readonly labels: ReadonlyMap<string, string>;
  /** The `kind:` key of the resource. */
  readonly anchorRange: OffsetRange;
  /** `Deployment \`api\`` */
  readonly description: string;
  /** Rules ignored through the `bulkhead.dev/ignore` annotation. */
  readonly ignoredRules: readonly string[];
  readonly podTemplate: PodTemplateInfo | undefined;
  readonly references: readonly ObjectReference[];
  /** Keys of a Secret's or ConfigMap's data. */
  readonly dataKeys: readonly string[];
  /** A NetworkPolicy's `spec.podSelector`. */
  readonly podSelector: LabelSelector | undefined;
  /** What a Role or ClusterRole grants that matters to who is bound to it (`read Secrets`, …). */
  readonly dangerousGrants: readonly string[];
  /** A RoleBinding's or ClusterRoleBinding's role and subjects. */
  readonly binding: BindingInfo | undefined;
}

export interface BindingInfo {
  readonly roleKind: string | undefined;
  readonly roleName: string;
  readonly roleNameRange: OffsetRange;
  readonly subjects: readonly { readonly kind: string | undefined; readonly name: string | undefined; readonly namespace: string | undefined }[];
}

/** Permissions whose holders can take over secrets, workloads or the cluster: what a binding to them hands out. */
const DANGEROUS_PERMISSIONS: readonly { readonly label: string; readonly permission: Permission }[] = [
  { label: 'read Secrets', permission: { groups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'], unlessNarrowed: true } },
  { label: 'escalate or bind roles', permission: { groups: ['rbac.authorization.k8s.io'], resources: ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'], verbs: ['escalate', 'bind'] } },
  { label: 'impersonate users', permission: { groups: ['', 'authentication.k8s.io'], resources: ['users', 'groups', 'serviceaccounts'], verbs: ['impersonate'] } },
  { label: 'exec into pods', permission: { groups: [''], resources: ['pods/exec', 'pods/attach'], verbs: ['create', 'get'] } },
  { label: 'create pods', permission: { groups: ['', 'apps', 'batch'], resources: ['pods', 'deployments', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs'], verbs: ['create'] } },
];

export function workspaceObjectOf(resource: KubernetesResource): WorkspaceObject {
  const { document } = resource;
  const metadata = mapAt(resource.node, ['metadata'], document);
  const podSpec = podSpecOf(resource);
  const references: ObjectReference[] = [];
  let podTemplate: PodTemplateInfo | undefined;
  if (podSpec) {
    podTemplate = { labels: labelsOf(mapAt(podSpec.metadata, ['labels'], document), document), anchorRange: podSpec.anchorRange };
    const serviceAccountField = pairOf(podSpec.node, 'serviceAccountName') ? 'serviceAccountName' : 'serviceAccount';
    const serviceAccountName = scalarValue(podSpec.node, serviceAccountField, document);
    if (typeof serviceAccountName === 'string' && serviceAccountName !== '') {
      references.push({ kind: 'ServiceAccount', name: serviceAccountName, key: undefined, optional: false, range: rangeOf(writtenValueOf(podSpec.node, serviceAccountField)!), from: describeResource(resource) });
    }
    for (const volume of seqItems(valueOf(podSpec.node, 'volumes', document), document)) {
      const secret = mapAt(asMap(volume), ['secret'], document);
      const configMap = mapAt(asMap(volume), ['configMap'], document);
      if (secret) references.push(...referenceAt('Secret', secret, 'secretName', undefined, describeResource(resource), document));
      if (configMap) references.push(...referenceAt('ConfigMap', configMap, 'name', undefined, describeResource(resource), document));
    }
    for (const container of containersOf(podSpec)) {
      const from = describeContainer(container);
      for (const env of seqItems(valueOf(container.node, 'env', document), document)) {
        const secretKeyRef = mapAt(asMap(env), ['valueFrom', 'secretKeyRef'], document);
        const configMapKeyRef = mapAt(asMap(env), ['valueFrom', 'configMapKeyRef'], document);
        if (secretKeyRef) references.push(...referenceAt('Secret', secretKeyRef, 'name', stringValue(secretKeyRef, 'key', document), from, document));
        if (configMapKeyRef) references.push(...referenceAt('ConfigMap', configMapKeyRef, 'name', stringValue(configMapKeyRef, 'key', document), from, document));
      }
      for (const source of seqItems(valueOf(container.node, 'envFrom', document), document)) {
        const secretRef = mapAt(asMap(source), ['secretRef'], document);
        const configMapRef = mapAt(asMap(source), ['configMapRef'], document);
        if (secretRef) references.push(...referenceAt('Secret', secretRef, 'name', undefined, from, document));
        if (configMapRef) references.push(...referenceAt('ConfigMap', configMapRef, 'name', undefined, from, document));
      }
    }
  }
  const isData = resource.kind === 'Secret' || resource.kind === 'ConfigMap';
  return {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    name: resource.name,
    namespace: resource.namespace,
    labels: labelsOf(mapAt(metadata, ['labels'], document), document),
    anchorRange: resource.anchorRange,
    description: describeResource(resource),
    ignoredRules: (resource.annotations.get('bulkhead.dev/ignore') ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    podTemplate,
    references,
    dataKeys: isData ? [...keysOf(mapAt(resource.node, ['data'], document)), ...keysOf(mapAt(resource.node, ['stringData'], document)), ...keysOf(mapAt(resource.node, ['binaryData'], document))] : [],
    podSelector: resource.kind === 'NetworkPolicy' ? selectorOf(mapAt(resource.node, ['spec', 'podSelector'], document), document) : undefined,
    dangerousGrants: isRole(resource) ? dangerousGrantsOf(resource) : [],
    binding: bindingOf(resource),
  };
}

function dangerousGrantsOf(role: KubernetesResource): string[] {
  const rules = policyRulesOf(role);
  const labels = DANGEROUS_PERMISSIONS.filter(({ permission }) => rules.some((rule) => grantOf(rule, permission))).map(({ label }) => label);
  const wildcard = rules.some((rule) => rule.verbs.some((item) => item.value === WILDCARD) && rule.resources.some((item) => item.value === WILDCARD));
  return wildcard ? ['do anything (`*` verbs on `*` resources)', ...labels] : labels;
}

function bindingOf(resource: KubernetesResource): BindingInfo | undefined {
  const roleRef = roleRefOf(resource);
  if (!roleRef?.name) return undefined;
  return {
    roleKind: roleRef.kind,
    roleName: roleRef.name,
    roleNameRange: roleRef.nameRange,
    subjects: subjectsOf(resource).map(({ kind, name, namespace }) => ({ kind, name, namespace })),
  };
}

function referenceAt(
  kind: ObjectReference['kind'],
  map: YamlMap,
  nameKey: string,
  key: string | undefined,
  from: string,
  document: YamlDocument,
): ObjectReference[] {
  const name = asScalar(valueOf(map, nameKey, document))?.value;
  if (typeof name !== 'string' || name === '') return [];
  return [{ kind, name, key, optional: scalarValue(map, 'optional', document) === true, range: rangeOf(writtenValueOf(map, nameKey)!), from }];
}

function labelsOf(map: YamlMap | undefined, document: YamlDocument): Map<string, string> {
  const labels = new Map<string, string>();
  for (const key of keysOf(map)) {
    const value = scalarValue(map, key, document);
    if (value !== undefined && value !== null) labels.set(key, String(value));
  }
  return labels;
}

function keysOf(map: YamlMap | undefined): string[] {
  return (map?.items ?? []).flatMap((item) => {
    const key = asScalar(item.key)?.value;
    return key === undefined || key === null ? [] : [String(key)];
  });
}

function selectorOf(map: YamlMap | undefined, document: YamlDocument): LabelSelector {
  const matchExpressions = seqItems(valueOf(map, 'matchExpressions', document), document).flatMap((item): LabelRequirement[] => {
    const expression = asMap(item);
    const key = stringValue(expression, 'key', document);
    const operator = stringValue(expression, 'operator', document);
    if (key === undefined || (operator !== 'In' && operator !== 'NotIn' && operator !== 'Exists' && operator !== 'DoesNotExist')) return [];
    const values = seqItems(valueOf(expression, 'values', document), document).flatMap((value) => {
      const scalar = asScalar(value)?.value;
      return scalar === undefined || scalar === null ? [] : [String(scalar)];
    });
    return [{ key, operator, values }];
  });
  return { matchLabels: labelsOf(mapAt(map, ['matchLabels'], document), document), matchExpressions };
}

/** Whether a selector matches a set of labels (Kubernetes semantics; an empty selector matches everything). */
export function selectorMatches(selector: LabelSelector, labels: ReadonlyMap<string, string>): boolean {
  for (const [key, value] of selector.matchLabels) if (labels.get(key) !== value) return false;
  return selector.matchExpressions.every((requirement) => {
    const value = labels.get(requirement.key);
    switch (requirement.operator) {
      case 'In':
        return value !== undefined && requirement.values.includes(value);
      case 'NotIn':
        return value === undefined || !requirement.values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
    }
  });
}

/** The same object with its ranges moved by `by` (objects are cached per YAML document). */
export function shiftObject(object: WorkspaceObject, by: number): WorkspaceObject {
  if (by === 0) return object;
  const shift = (range: OffsetRange): OffsetRange => ({ start: range.start + by, end: range.end + by });
  return {
    ...object,
    anchorRange: shift(object.anchorRange),
    podTemplate: object.podTemplate && { ...object.podTemplate, anchorRange: shift(object.podTemplate.anchorRange) },
    references: object.references.map((reference) => ({ ...reference, range: shift(reference.range) })),
    binding: object.binding && { ...object.binding, roleNameRange: shift(object.binding.roleNameRange) },
  };
}

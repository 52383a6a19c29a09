/**
 * RBAC policy rules of Roles and ClusterRoles, and the subjects and role references of their
 * bindings, with the ranges of every list item so findings can point at the verb or resource
 * that grants too much.
 *
 * Matching follows the API server's RBAC authorizer, not the peers' substring checks:
 * - `*` in `verbs`, `apiGroups` or `resources` matches everything; names match exactly
 *   (case-sensitive), and the core group is the empty string `""`;
 * - `resources` entries name a resource (`pods`) or a subresource (`pods/exec`); `pods` does not
 *   grant `pods/exec`, `*` grants every resource and subresource, and `*` followed by `/exec`
 *   grants the `exec` subresource of every resource;
 * - `resourceNames` restricts a rule to the named objects; `create` and `deletecollection`
 *   requests carry no object name, so a rule with `resourceNames` never grants them.
 * Every rule of `rules` is read, not only the first. A ClusterRole with an `aggregationRule` has
 * its rules filled in by the controller from other ClusterRoles, so it yields none.
 */
import type { OffsetRange } from '../engine/types';
import { keyRange, mapAt, pairOf, rangeOf, seqItems, stringItems, stringValue, valueOf, writtenValueOf, asMap, type YamlMap } from '../yaml/yaml-document';
import { describeResource, type KubernetesResource } from './model';

/** One string of a policy rule list, with where it is written. */
export interface RbacItem {
  readonly value: string;
  readonly range: OffsetRange;
}

export interface PolicyRule {
  readonly role: KubernetesResource;
  /** 0-based position in `rules`. */
  readonly index: number;
  readonly node: YamlMap;
  readonly apiGroups: readonly RbacItem[];
  readonly resources: readonly RbacItem[];
  readonly verbs: readonly RbacItem[];
  readonly resourceNames: readonly RbacItem[];
  /** Where a finding about the rule as a whole points: its `verbs` key (or the rule). */
  readonly anchorRange: OffsetRange;
}

export const WILDCARD = '*';
/** The core API group (`v1`: pods, secrets, services, …). */
export const CORE_GROUP = '';

/** Verbs that change objects. */
export const WRITE_VERBS: readonly string[] = ['create', 'update', 'patch', 'delete', 'deletecollection'];
/** Verbs that read objects. */
export const READ_VERBS: readonly string[] = ['get', 'list', 'watch'];

export function isRole(resource: KubernetesResource): boolean {
  return resource.kind === 'Role' || resource.kind === 'ClusterRole';
}

export function isBinding(resource: KubernetesResource): boolean {
  return resource.kind === 'RoleBinding' || resource.kind === 'ClusterRoleBinding';
}

function isRbacGroup(resource: KubernetesResource): boolean {
  return resource.apiVersion.startsWith('rbac.authorization.k8s.io/');
}

/** The policy rules of a Role or ClusterRole (none for other kinds and for aggregated ClusterRoles). */
export function policyRulesOf(resource: KubernetesResource): PolicyRule[] {
  if (!isRole(resource) || !isRbacGroup(resource)) return [];
  if (resource.kind === 'ClusterRole' && pairOf(resource.node, 'aggregationRule')) return [];
  const document = resource.document;
  return seqItems(valueOf(resource.node, 'rules', document), document).flatMap((item, index) => {
    const node = asMap(item);
    if (!node) return [];
    const items = (key: string): RbacItem[] => stringItems(writtenValueOf(node, key), document).map(({ value, written }) => ({ value, range: rangeOf(written) }));
    return [{
      role: resource,
      index,
      node,
      apiGroups: items('apiGroups'),
      resources: items('resources'),
      verbs: items('verbs'),
      resourceNames: items('resourceNames'),
      anchorRange: pairOf(node, 'verbs') ? keyRange(node, 'verbs') : rangeOf(node),
    }];
  });
}

/** What a rule must grant to match: a group, resources (`pods`, `pods/exec`) and verbs. */
export interface Permission {
  /** API groups the resources live in; `''` is the core group. */
  readonly groups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  /** Only grants on these object names count (e.g. the `aws-auth` ConfigMap); any name when absent. */
  readonly names?: readonly string[];
  /** Grants limited by `resourceNames` do not count (the rule is narrowed to named objects). */
  readonly unlessNarrowed?: boolean;
}

/** How a policy rule grants a permission: the matching verb and resource items. */
export interface Grant {
  readonly rule: PolicyRule;
  /** The rule's verb items that match (the `*` item when that is how it matches). */
  readonly verbs: readonly RbacItem[];
  readonly resources: readonly RbacItem[];
  /** The requested verbs the rule grants, in the permission's order (`*` expanded). */
  readonly grantedVerbs: readonly string[];
  /** The requested resources the rule grants. */
  readonly grantedResources: readonly string[];
  /** True when the grant comes only from `*` in both verbs and resources. */
  readonly onlyByWildcards: boolean;
}

/** Does `rule` grant any of the permission's verbs on any of its resources? */
export function grantOf(rule: PolicyRule, permission: Permission): Grant | undefined {
  if (!rule.apiGroups.some((group) => group.value === WILDCARD || permission.groups.includes(group.value))) return undefined;
  const verbs = permission.verbs.filter((verb) => rule.verbs.some((item) => verbMatches(item.value, verb)) && !narrowedAway(rule, verb, permission));
  if (verbs.length === 0) return undefined;
  const resources = permission.resources.filter((resource) => rule.resources.some((item) => resourceMatches(item.value, resource)));
  if (resources.length === 0) return undefined;
  const verbItems = rule.verbs.filter((item) => verbs.some((verb) => verbMatches(item.value, verb)));
  const resourceItems = rule.resources.filter((item) => resources.some((resource) => resourceMatches(item.value, resource)));
  return {
    rule,
    verbs: verbItems,
    resources: resourceItems,
    grantedVerbs: verbs,
    grantedResources: resources,
    onlyByWildcards: verbItems.every((item) => item.value === WILDCARD) && resourceItems.every((item) => item.value === WILDCARD),
  };
}

/**
 * Every grant of the permissions by the rules of a Role or ClusterRole, one per policy rule.
 * Grants that come only from `*` verbs on `*` resources are left out: `k8s/rbac-wildcard`
 * reports those once, instead of every concept rule reporting the same `*`.
 */
export function grantsOf(resource: KubernetesResource, permissions: readonly Permission[]): Grant[] {
  return policyRulesOf(resource).flatMap((rule) => {
    const grant = grantOfAny(rule, permissions);
    return grant && !grant.onlyByWildcards ? [grant] : [];
  });
}

export function verbMatches(ruleVerb: string, verb: string): boolean {
  return ruleVerb === WILDCARD || ruleVerb === verb;
}

/** The RBAC authorizer's resource matching: `*`, an exact name, or `*` + `/sub` for a subresource. */
export function resourceMatches(ruleResource: string, resource: string): boolean {
  if (ruleResource === WILDCARD || ruleResource === resource) return true;
  const slash = resource.indexOf('/');
  return slash >= 0 && ruleResource === `*${resource.slice(slash)}`;
}

/** Whether `resourceNames` takes the verb out of the grant (or narrows it to names that do not count). */
function narrowedAway(rule: PolicyRule, verb: string, permission: Permission): boolean {
  if (rule.resourceNames.length === 0) return false;
  if (verb === 'create' || verb === 'deletecollection') return true;
  if (permission.names) return !rule.resourceNames.some((name) => permission.names!.includes(name.value));
  return permission.unlessNarrowed === true;
}

/**
 * Where a grant's finding points: the first matching item that is not `*` (the verb first when
 * the verb is the danger, as with `escalate`; the resource first otherwise), else the first match.
 */
export function grantRange(grant: Grant, prefer: 'verb' | 'resource'): OffsetRange {
  const ordered = prefer === 'verb' ? [...grant.verbs, ...grant.resources] : [...grant.resources, ...grant.verbs];
  return (ordered.find((item) => item.value !== WILDCARD) ?? ordered[0])?.range ?? grant.rule.anchorRange;
}

/** The grants of several permissions by one rule, merged into one (items in written order). */
export function grantOfAny(rule: PolicyRule, permissions: readonly Permission[]): Grant | undefined {
  const grants = permissions.flatMap((permission) => grantOf(rule, permission) ?? []);
  if (grants.length === 0) return undefined;
  const items = (pick: (grant: Grant) => readonly RbacItem[]) =>
    [...new Map(grants.flatMap(pick).map((item) => [item.range.start, item] as const)).values()].sort((a, b) => a.range.start - b.range.start);
  const names = (pick: (grant: Grant) => readonly string[]) => [...new Set(grants.flatMap(pick))];
  return {
    rule,
    verbs: items((grant) => grant.verbs),
    resources: items((grant) => grant.resources),
    grantedVerbs: names((grant) => grant.grantedVerbs),
    grantedResources: names((grant) => grant.grantedResources),
    onlyByWildcards: grants.every((grant) => grant.onlyByWildcards),
  };
}

/** `rule #2 of ClusterRole \`ops\`` — how messages name a policy rule. */
export function describePolicyRule(rule: PolicyRule): string {
  return `rule #${rule.index + 1} of ${describeResource(rule.role)}`;
}

/** A subject of a RoleBinding or ClusterRoleBinding. */
export interface BindingSubject {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly node: YamlMap;
  /** The `name` value (or the subject's mapping). */
  readonly nameRange: OffsetRange;
}

export interface RoleRef {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly node: YamlMap;
  readonly nameRange: OffsetRange;
}

export function subjectsOf(binding: KubernetesResource): BindingSubject[] {
  if (!isBinding(binding)) return [];
  const document = binding.document;
  return seqItems(valueOf(binding.node, 'subjects', document), document).flatMap((item) => {
    const node = asMap(item);
    if (!node) return [];
    const nameNode = writtenValueOf(node, 'name');
    return [{
      kind: stringValue(node, 'kind', document),
      name: stringValue(node, 'name', document),
      namespace: stringValue(node, 'namespace', document),
      node,
      nameRange: nameNode ? rangeOf(nameNode) : rangeOf(node),
    }];
  });
}

export function roleRefOf(binding: KubernetesResource): RoleRef | undefined {
  if (!isBinding(binding)) return undefined;
  const node = mapAt(binding.node, ['roleRef'], binding.document);
  if (!node) return undefined;
  const nameNode = writtenValueOf(node, 'name');
  return {
    kind: stringValue(node, 'kind', binding.document),
    name: stringValue(node, 'name', binding.document),
    node,
    nameRange: nameNode ? rangeOf(nameNode) : rangeOf(node),
  };
}

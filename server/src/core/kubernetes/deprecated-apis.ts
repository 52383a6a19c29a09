/**
 * Deprecated and removed Kubernetes API versions, per kind.
 *
 * Source: the Bulkhead rule catalog (docs RULES.md §2.3), which was compiled from
 * FairwindsOps/pluto `versions.yaml` (commit 0c240f6f), the kubernetes.io API deprecation guide
 * and the kubernetes.io PodSecurityPolicy page (deprecated 1.21, removed 1.25). Per-kind
 * "deprecated in" values of `storage.k8s.io/v1beta1` are pluto's; the ReplicaSet rows, which
 * pluto leaves empty, follow the Deployment rows of the same group. Facts only, restated here as
 * data; trivy's KSV-0107 table is deliberately not used (its keys do not match real apiVersions).
 */

/** Whether swapping `apiVersion` alone is a correct migration. */
export type Migration =
  /** Swapping is enough. */
  | 'swap'
  /** Swapping is enough once `spec.selector` exists (required and immutable in `apps/v1`). */
  | 'swap-if-selector'
  /** Swapping is right but semantics shift: offered as a suggestion to review. */
  | 'swap-review'
  /** The object's shape changed: a human migrates it. */
  | 'manual';

export interface DeprecatedApi {
  readonly apiVersion: string;
  readonly kind: string;
  /** `major.minor` the version was deprecated in. */
  readonly deprecatedIn: string;
  /** `major.minor` from which the API server no longer serves it. */
  readonly removedIn: string;
  /** The version to move to; undefined when there is none (PodSecurityPolicy). */
  readonly replacement: string | undefined;
  readonly migration: Migration;
  /** What a migration needs beyond the apiVersion, for the message. */
  readonly note?: string;
}

interface Row {
  readonly apiVersions: readonly string[];
  readonly kinds: readonly string[];
  readonly deprecatedIn: string | readonly string[];
  readonly removedIn: string;
  readonly replacement: string | undefined;
  readonly migration: Migration;
  readonly note?: string;
}

const APPS_NOTE = '`spec.selector` is required (and immutable) in `apps/v1`';
const INGRESS_NOTE = '`serviceName`/`servicePort` become `service.name`/`service.port`, `spec.backend` becomes `spec.defaultBackend`, and `pathType` is required';

const ROWS: readonly Row[] = [
  { apiVersions: ['extensions/v1beta1'], kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', migration: 'swap-if-selector', note: APPS_NOTE },
  { apiVersions: ['apps/v1beta1'], kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', migration: 'swap-if-selector', note: APPS_NOTE },
  { apiVersions: ['apps/v1beta2'], kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', migration: 'swap-if-selector', note: APPS_NOTE },
  { apiVersions: ['extensions/v1beta1'], kinds: ['NetworkPolicy'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['extensions/v1beta1'], kinds: ['PodSecurityPolicy'], deprecatedIn: '1.10', removedIn: '1.16', replacement: undefined, migration: 'manual', note: 'PodSecurityPolicy was removed in 1.25 without replacement: label namespaces for Pod Security Admission (`pod-security.kubernetes.io/enforce`) instead' },
  { apiVersions: ['policy/v1beta1'], kinds: ['PodSecurityPolicy'], deprecatedIn: '1.21', removedIn: '1.25', replacement: undefined, migration: 'manual', note: 'PodSecurityPolicy has no replacement: label namespaces for Pod Security Admission (`pod-security.kubernetes.io/enforce`) or use a policy engine' },
  { apiVersions: ['extensions/v1beta1'], kinds: ['Ingress'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1', migration: 'manual', note: INGRESS_NOTE },
  { apiVersions: ['networking.k8s.io/v1beta1'], kinds: ['Ingress'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', migration: 'manual', note: INGRESS_NOTE },
  { apiVersions: ['networking.k8s.io/v1beta1'], kinds: ['IngressClass'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['rbac.authorization.k8s.io/v1alpha1', 'rbac.authorization.k8s.io/v1beta1'], kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['scheduling.k8s.io/v1beta1'], kinds: ['PriorityClass'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['apiextensions.k8s.io/v1beta1'], kinds: ['CustomResourceDefinition'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', migration: 'manual', note: 'a structural schema per version and `scope` are required' },
  { apiVersions: ['admissionregistration.k8s.io/v1beta1'], kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', migration: 'manual', note: '`sideEffects` and `admissionReviewVersions` are required' },
  { apiVersions: ['apiregistration.k8s.io/v1beta1'], kinds: ['APIService'], deprecatedIn: '1.10', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['certificates.k8s.io/v1beta1'], kinds: ['CertificateSigningRequest'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'certificates.k8s.io/v1', migration: 'manual', note: '`signerName` is required' },
  { apiVersions: ['coordination.k8s.io/v1beta1'], kinds: ['Lease'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'coordination.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['storage.k8s.io/v1beta1'], kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], deprecatedIn: ['1.19', '1.17', '1.6', '1.13'], removedIn: '1.22', replacement: 'storage.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['batch/v1beta1'], kinds: ['CronJob'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1', migration: 'swap' },
  { apiVersions: ['policy/v1beta1'], kinds: ['PodDisruptionBudget'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1', migration: 'swap-review', note: 'in `policy/v1` an empty `selector` selects every pod of the namespace instead of none' },
  { apiVersions: ['autoscaling/v2beta1'], kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2', migration: 'manual', note: 'the `metrics` spec changed shape (`target.type`/`averageUtilization`)' },
  { apiVersions: ['discovery.k8s.io/v1beta1'], kinds: ['EndpointSlice'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1', migration: 'manual', note: '`topology` became `nodeName`/`zone` and `hints`' },
  { apiVersions: ['events.k8s.io/v1beta1'], kinds: ['Event'], deprecatedIn: '1.19', removedIn: '1.25', replacement: 'events.k8s.io/v1', migration: 'manual', note: 'several fields were renamed' },
  { apiVersions: ['node.k8s.io/v1beta1'], kinds: ['RuntimeClass'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'node.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['autoscaling/v2beta2'], kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2', migration: 'swap' },
  { apiVersions: ['flowcontrol.apiserver.k8s.io/v1beta1'], kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['storage.k8s.io/v1beta1'], kinds: ['CSIStorageCapacity'], deprecatedIn: '1.24', removedIn: '1.27', replacement: 'storage.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['flowcontrol.apiserver.k8s.io/v1beta2'], kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.26', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'swap' },
  { apiVersions: ['flowcontrol.apiserver.k8s.io/v1beta3'], kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'swap' },
];

/** Every (apiVersion, kind) pair of the table, keyed `apiVersion kind`. */
export const DEPRECATED_APIS: ReadonlyMap<string, DeprecatedApi> = new Map(
  ROWS.flatMap((row) =>
    row.apiVersions.flatMap((apiVersion) =>
      row.kinds.map((kind, index) => {
        const deprecatedIn = typeof row.deprecatedIn === 'string' ? row.deprecatedIn : row.deprecatedIn[index]!;
        const api: DeprecatedApi = {
          apiVersion,
          kind,
          deprecatedIn,
          removedIn: row.removedIn,
          replacement: row.replacement,
          migration: row.migration,
          ...(row.note ? { note: row.note } : {}),
        };
        return [`${apiVersion} ${kind}`, api] as const;
      }),
    ),
  ),
);

export function deprecatedApiOf(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return DEPRECATED_APIS.get(`${apiVersion} ${kind}`);
}

/** `1.31`, `v1.31`, `1.31.2` → [1, 31]; undefined when it is no version. */
export function parseKubernetesVersion(version: string): readonly [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** True when `version` is at or after `since` (both `major.minor`). */
export function isAtLeast(version: readonly [number, number], since: string): boolean {
  const [major, minor] = parseKubernetesVersion(since)!;
  return version[0] > major || (version[0] === major && version[1] >= minor);
}

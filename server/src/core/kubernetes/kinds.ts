/**
 * Built-in kinds by scope. Custom resources are neither: whether a CRD is namespaced is declared
 * in the CRD, which a single manifest usually does not include, so rules about namespaces skip them.
 */

/** Built-in kinds that live in a namespace (the common ones users write). */
export const NAMESPACED_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'DeploymentConfig',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'Ingress',
  'NetworkPolicy',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'LimitRange',
  'ResourceQuota',
]);

import type { KubernetesRule } from '../define';
import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { apparmorNotDefault } from './apparmor-not-default';
import { capabilitiesBeyondBaseline } from './capabilities-beyond-baseline';
import { capabilitiesNotRestricted } from './capabilities-not-restricted';
import { configmapSecrets } from './configmap-secrets';
import { containerRuntimeSocket } from './container-runtime-socket';
import { cpuLimitMissing } from './cpu-limit-missing';
import { cpuRequestMissing } from './cpu-request-missing';
import { dangerousCapabilityAdded } from './dangerous-capability-added';
import { defaultNamespace } from './default-namespace';
import { defaultSaAutomount } from './default-sa-automount';
import { defaultSaBound } from './default-sa-bound';
import { deprecatedApiVersion } from './deprecated-api-version';
import { deprecatedSaField } from './deprecated-sa-field';
import { envLiteralSecret } from './env-literal-secret';
import { hostAliases } from './host-aliases';
import { hostNamespaces } from './host-namespaces';
import { hostPathSensitive } from './host-path-sensitive';
import { hostPathVolume } from './host-path-volume';
import { hostPathWritable } from './host-path-writable';
import { hostPort } from './host-port';
import { hostProcess } from './host-process';
import { imageLatestOrUntagged } from './image-latest-or-untagged';
import { imageNoDigest } from './image-no-digest';
import { imagePullPolicy } from './image-pull-policy';
import { imageUntrustedRegistry } from './image-untrusted-registry';
import { ingressNginxSnippets } from './ingress-nginx-snippets';
import { ingressTlsMissing } from './ingress-tls-missing';
import { kubeSystemNamespace } from './kube-system-namespace';
import { livenessProbeMissing } from './liveness-probe-missing';
import { memoryLimitMissing } from './memory-limit-missing';
import { memoryRequestMissing } from './memory-request-missing';
import { netRawNotDropped } from './net-raw-not-dropped';
import { networkpolicyNoSelector } from './networkpolicy-no-selector';
import { podUsesDefaultSa } from './pod-uses-default-sa';
import { privilegedContainer } from './privileged-container';
import { privilegedContainerPort } from './privileged-container-port';
import { probeHostField } from './probe-host-field';
import { probePortNotExposed } from './probe-port-not-exposed';
import { procMountUnmasked } from './proc-mount-unmasked';
import { psaLabelMissing } from './psa-label-missing';
import { rbacAdmissionWebhooks } from './rbac-admission-webhooks';
import { rbacClusterAdminBinding } from './rbac-cluster-admin-binding';
import { rbacCsrApprove } from './rbac-csr-approve';
import { rbacEscalateBind } from './rbac-escalate-bind';
import { rbacExecAttachProxy } from './rbac-exec-attach-proxy';
import { rbacImpersonate } from './rbac-impersonate';
import { rbacMiscSensitive } from './rbac-misc-sensitive';
import { rbacPrivilegedSubject } from './rbac-privileged-subject';
import { rbacSecretsAccess } from './rbac-secrets-access';
import { rbacWildcard } from './rbac-wildcard';
import { rbacWorkloadCreate } from './rbac-workload-create';
import { readinessProbeMissing } from './readiness-probe-missing';
import { readonlyRootFs } from './readonly-root-fs';
import { restrictedVolumeTypes } from './restricted-volume-types';
import { runAsGroupRoot } from './run-as-group-root';
import { runAsLowUid } from './run-as-low-uid';
import { runAsNonRoot } from './run-as-non-root';
import { runAsUserZero } from './run-as-user-zero';
import { saTokenAutomount } from './sa-token-automount';
import { seccompNotSet } from './seccomp-not-set';
import { seccompUnconfined } from './seccomp-unconfined';
import { secretAsEnv } from './secret-as-env';
import { secretManifestData } from './secret-manifest-data';
import { securityContextMissing } from './security-context-missing';
import { selinuxCustomOptions } from './selinux-custom-options';
import { serviceExposed } from './service-exposed';
import { serviceExternalIps } from './service-external-ips';
import { sshPort } from './ssh-port';
import { unsafeSysctls } from './unsafe-sysctls';

/** Kubernetes rules, in catalog order. */
export const KUBERNETES_RULES: readonly KubernetesRule[] = [
  hostProcess,
  hostNamespaces,
  privilegedContainer,
  capabilitiesBeyondBaseline,
  dangerousCapabilityAdded,
  netRawNotDropped,
  capabilitiesNotRestricted,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsUserZero,
  runAsGroupRoot,
  runAsLowUid,
  readonlyRootFs,
  securityContextMissing,
  seccompUnconfined,
  seccompNotSet,
  apparmorNotDefault,
  selinuxCustomOptions,
  procMountUnmasked,
  unsafeSysctls,
  probeHostField,
  hostAliases,
  hostPathVolume,
  hostPathSensitive,
  hostPathWritable,
  containerRuntimeSocket,
  hostPort,
  privilegedContainerPort,
  sshPort,
  restrictedVolumeTypes,
  saTokenAutomount,
  podUsesDefaultSa,
  defaultSaAutomount,
  defaultSaBound,
  deprecatedSaField,
  rbacWildcard,
  rbacSecretsAccess,
  rbacEscalateBind,
  rbacImpersonate,
  rbacClusterAdminBinding,
  rbacPrivilegedSubject,
  rbacExecAttachProxy,
  rbacWorkloadCreate,
  rbacAdmissionWebhooks,
  rbacCsrApprove,
  rbacMiscSensitive,
  secretManifestData,
  envLiteralSecret,
  secretAsEnv,
  configmapSecrets,
  networkpolicyNoSelector,
  serviceExposed,
  serviceExternalIps,
  ingressTlsMissing,
  ingressNginxSnippets,
  imageLatestOrUntagged,
  imageNoDigest,
  imagePullPolicy,
  imageUntrustedRegistry,
  cpuLimitMissing,
  cpuRequestMissing,
  memoryLimitMissing,
  memoryRequestMissing,
  livenessProbeMissing,
  readinessProbeMissing,
  probePortNotExposed,
  defaultNamespace,
  kubeSystemNamespace,
  psaLabelMissing,
  deprecatedApiVersion,
];

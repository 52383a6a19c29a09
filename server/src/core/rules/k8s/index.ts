import type { KubernetesRule } from '../define';
import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { capabilitiesNotRestricted } from './capabilities-not-restricted';
import { containerRuntimeSocket } from './container-runtime-socket';
import { hostNamespaces } from './host-namespaces';
import { imageLatestOrUntagged } from './image-latest-or-untagged';
import { privilegedContainer } from './privileged-container';
import { readonlyRootFs } from './readonly-root-fs';
import { runAsNonRoot } from './run-as-non-root';
import { secretManifestData } from './secret-manifest-data';

/** Kubernetes rules, in catalog order. */
export const KUBERNETES_RULES: readonly KubernetesRule[] = [
  hostNamespaces,
  privilegedContainer,
  capabilitiesNotRestricted,
  allowPrivilegeEscalation,
  runAsNonRoot,
  readonlyRootFs,
  containerRuntimeSocket,
  secretManifestData,
  imageLatestOrUntagged,
];

import type { ComposeRule } from '../define';
import { apparmorUnconfined } from './apparmor-unconfined';
import { capAddDangerous } from './cap-add-dangerous';
import { capDropMissing } from './cap-drop-missing';
import { cgroupParent } from './cgroup-parent';
import { cpuLimitMissing } from './cpu-limit-missing';
import { defaultNetwork } from './default-network';
import { devices } from './devices';
import { dockerSocket } from './docker-socket';
import { healthcheckMissing } from './healthcheck-missing';
import { imageLatest } from './image-latest';
import { ipcHost } from './ipc-host';
import { memoryLimitMissing } from './memory-limit-missing';
import { mountPropagation } from './mount-propagation';
import { networkHost } from './network-host';
import { noNewPrivilegesMissing } from './no-new-privileges-missing';
import { pidHost } from './pid-host';
import { pidsLimitMissing } from './pids-limit-missing';
import { portAllInterfaces } from './port-all-interfaces';
import { privileged } from './privileged';
import { privilegedPort } from './privileged-port';
import { readOnlyMissing } from './read-only-missing';
import { restartPolicy } from './restart-policy';
import { seccompUnconfined } from './seccomp-unconfined';
import { secretInEnvironment } from './secret-in-environment';
import { securityOptMissing } from './security-opt-missing';
import { selinuxDisabled } from './selinux-disabled';
import { sensitiveHostMount } from './sensitive-host-mount';
import { userMissing } from './user-missing';
import { userRoot } from './user-root';
import { usernsHost } from './userns-host';
import { utsHost } from './uts-host';
import { volumesFrom } from './volumes-from';

/** Docker Compose rules, in catalog order. */
export const COMPOSE_RULES: readonly ComposeRule[] = [
  privileged,
  dockerSocket,
  sensitiveHostMount,
  capAddDangerous,
  capDropMissing,
  networkHost,
  pidHost,
  ipcHost,
  usernsHost,
  utsHost,
  userRoot,
  userMissing,
  secretInEnvironment,
  readOnlyMissing,
  noNewPrivilegesMissing,
  seccompUnconfined,
  apparmorUnconfined,
  selinuxDisabled,
  securityOptMissing,
  portAllInterfaces,
  privilegedPort,
  devices,
  mountPropagation,
  memoryLimitMissing,
  cpuLimitMissing,
  pidsLimitMissing,
  healthcheckMissing,
  restartPolicy,
  cgroupParent,
  defaultNetwork,
  volumesFrom,
  imageLatest,
];

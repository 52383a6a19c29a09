import { cpuLimitMissing } from '../../../server/src/core/rules/k8s/cpu-limit-missing';
import { testRule } from '../../support/rule-tester';
import { resourceRequirementTests } from './resource-requirement-samples';

testRule(cpuLimitMissing, resourceRequirementTests({
  field: '`resources.limits.cpu`',
  severity: 'info',
  alsoReported: ['app', 'sidecar'],
  fixed: 'initContainers:\n- name: init\n  image: busybox:1.36\n  resources:\n    limits:\n      cpu: "<CPU limit, e.g. 500m>"\ncontainers:\n- name: app\n  image: nginx:1.27\n  resources:\n    limits: {memory: 256Mi, cpu: "<CPU limit, e.g. 500m>"}\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  resources:\n    requests:\n      cpu: 100m\n    limits:\n      cpu: "<CPU limit, e.g. 500m>"\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n',
}));

import { memoryLimitMissing } from '../../../server/src/core/rules/k8s/memory-limit-missing';
import { testRule } from '../../support/rule-tester';
import { resourceRequirementTests } from './resource-requirement-samples';

testRule(memoryLimitMissing, resourceRequirementTests({
  field: '`resources.limits.memory`',
  severity: 'warning',
  alsoReported: ['sidecar'],
  fixed: 'initContainers:\n- name: init\n  image: busybox:1.36\n  resources:\n    limits:\n      memory: "<memory limit, e.g. 512Mi>"\ncontainers:\n- name: app\n  image: nginx:1.27\n  resources:\n    limits: {memory: 256Mi}\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  resources:\n    requests:\n      cpu: 100m\n    limits:\n      memory: "<memory limit, e.g. 512Mi>"\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n',
}));

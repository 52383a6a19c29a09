import { memoryRequestMissing } from '../../../server/src/core/rules/k8s/memory-request-missing';
import { testRule } from '../../support/rule-tester';
import { resourceRequirementTests } from './resource-requirement-samples';

testRule(memoryRequestMissing, resourceRequirementTests({
  field: '`resources.requests.memory`',
  severity: 'info',
  alsoReported: ['sidecar'],
  fixed: 'initContainers:\n- name: init\n  image: busybox:1.36\n  resources:\n    requests:\n      memory: "<memory request, e.g. 256Mi>"\ncontainers:\n- name: app\n  image: nginx:1.27\n  resources:\n    limits: {memory: 256Mi}\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  resources:\n    requests:\n      cpu: 100m\n      memory: "<memory request, e.g. 256Mi>"\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n',
}));

import { cpuRequestMissing } from '../../../server/src/core/rules/k8s/cpu-request-missing';
import { testRule } from '../../support/rule-tester';
import { resourceRequirementTests } from './resource-requirement-samples';

testRule(cpuRequestMissing, resourceRequirementTests({
  field: '`resources.requests.cpu`',
  severity: 'info',
  alsoReported: ['app'],
  fixed: 'initContainers:\n- name: init\n  image: busybox:1.36\n  resources:\n    requests:\n      cpu: "<CPU request, e.g. 250m>"\ncontainers:\n- name: app\n  image: nginx:1.27\n  resources:\n    limits: {memory: 256Mi}\n    requests:\n      cpu: "<CPU request, e.g. 250m>"\n- name: sidecar\n  image: envoyproxy/envoy:v1.31.0\n  resources:\n    requests:\n      cpu: 100m\nephemeralContainers:\n- name: debug\n  image: busybox:1.36\n',
}));

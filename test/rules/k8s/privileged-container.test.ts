import { privilegedContainer } from '../../../server/src/core/rules/k8s/privileged-container';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(privilegedContainer, {
  valid: [
    { fixture: 'pass-unprivileged.yaml' },
    ...validInEveryKind(
      'privileged false or unset',
      'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    privileged: false\n- name: other\n  image: nginx:1.27\n',
    ),
    { name: 'PodSecurityPolicy is not a workload', text: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\nspec:\n  privileged: true\n' },
  ],
  invalid: [
    ...invalidInEveryKind(
      'privileged: true',
      'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    privileged: true   # needed?\n',
      [{ line: 5, column: 5, endLine: 5, endColumn: 21, messageId: 'privileged', messageIncludes: ['Container `app`', '`privileged: true`'] }],
      { fixed: 'containers:\n- name: app\n  image: nginx:1.27\n  securityContext:\n    privileged: false   # needed?\n' },
    ),
    ...invalidInEveryKind(
      'init and ephemeral containers, flow mappings',
      'initContainers:\n- name: init\n  securityContext: {runAsUser: 0, privileged: true}\ncontainers:\n- name: app\nephemeralContainers:\n- {name: debug, securityContext: {"privileged": true}}\n',
      [
        { line: 3, column: 35, endLine: 3, endColumn: 51, messageId: 'privileged', messageIncludes: ['Init container `init`'] },
        { line: 7, column: 35, endLine: 7, endColumn: 53, messageId: 'privileged', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      { fixed: 'initContainers:\n- name: init\n  securityContext: {runAsUser: 0, privileged: false}\ncontainers:\n- name: app\nephemeralContainers:\n- {name: debug, securityContext: {"privileged": false}}\n' },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [{ line: 18, column: 27, endLine: 18, endColumn: 43, messageId: 'privileged', messageIncludes: ['Container `agent` in DaemonSet `node-agent`'] }],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
  ],
});

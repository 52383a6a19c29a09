import { securityContextMissing } from '../../../server/src/core/rules/k8s/security-context-missing';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const POD = '{runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}';
const CONTAINER = '{allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: ["ALL"]}}';

testRule(securityContextMissing, {
  valid: [
    { fixture: 'pass-explicit.yaml' },
    ...validInEveryKind(
      'explicit contexts everywhere',
      'securityContext:\n  runAsNonRoot: true\ninitContainers:\n- name: init\n  securityContext: {runAsUser: 10001}\ncontainers:\n- name: app\n  securityContext:\n    readOnlyRootFilesystem: true\n',
    ),
    ...validInEveryKind('Windows pods are not checked', 'os: {name: windows}\ncontainers:\n- name: app\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'empty pod context; empty, flow and missing container contexts',
      'securityContext:\ninitContainers:\n- name: init\n  securityContext:\ncontainers:\n- name: app\n  image: nginx:1.27\nephemeralContainers:\n- name: debug\n  securityContext: {}\n',
      [
        { line: 1, column: 1, endLine: 1, endColumn: 16, messageId: 'podEmpty' },
        { line: 4, column: 3, endLine: 4, endColumn: 18, messageId: 'containerEmpty', messageIncludes: ['Init container `init`'] },
        { line: 6, column: 9, endLine: 6, endColumn: 12, messageId: 'containerMissing', messageIncludes: ['Container `app`'] },
        { line: 10, column: 3, endLine: 10, endColumn: 18, messageId: 'containerEmpty', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      {
        fixed: `securityContext: ${POD}\ninitContainers:\n- name: init\n  securityContext: ${CONTAINER}\ncontainers:\n- name: app\n  image: nginx:1.27\n  securityContext: ${CONTAINER}\nephemeralContainers:\n- name: debug\n  securityContext: ${CONTAINER}\n`,
      },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 16, column: 7, endLine: 16, endColumn: 22, messageId: 'podEmpty', messageIncludes: ['Deployment `api`'], severity: 'info' },
        { line: 20, column: 9, endLine: 20, endColumn: 24, messageId: 'containerEmpty', messageIncludes: ['Init container `migrate`'] },
        { line: 22, column: 15, endLine: 22, endColumn: 18, messageId: 'containerMissing', messageIncludes: ['Container `api` in Deployment `api`'] },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, messageId: 'podMissing' },
        { line: 7, column: 13, endLine: 7, endColumn: 16, messageId: 'containerMissing' },
      ],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
  ],
});

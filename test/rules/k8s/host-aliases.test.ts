import { hostAliases } from '../../../server/src/core/rules/k8s/host-aliases';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(hostAliases, {
  valid: [
    { fixture: 'pass-dns.yaml' },
    ...validInEveryKind('no hostAliases, or an empty list', 'hostAliases:\ncontainers:\n- name: app\n'),
  ],
  invalid: [
    ...invalidInEveryKind(
      'block list',
      'hostAliases:\n- ip: 10.0.0.12\n  hostnames: [db.internal]\ncontainers:\n- name: app\n',
      [{ line: 1, column: 1, endLine: 1, endColumn: 12, messageId: 'hostAliases', severity: 'info' }],
      { noFix: true },
    ),
    ...invalidInEveryKind(
      'flow list',
      'containers: [{name: app}]\nhostAliases: [{ip: "127.0.0.1", hostnames: [foo.local]}]\n',
      [{ line: 2, column: 1, endLine: 2, endColumn: 12, messageId: 'hostAliases' }],
      { noFix: true },
    ),
    {
      fixture: 'fail-multi-document.yaml',
      findings: [{ line: 15, column: 7, endLine: 15, endColumn: 18, messageId: 'hostAliases', messageIncludes: ['Deployment `api`'] }],
      noFix: true,
    },
  ],
});

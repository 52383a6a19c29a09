import { unsafeSysctls } from '../../../server/src/core/rules/k8s/unsafe-sysctls';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const NEWER = 'securityContext:\n  sysctls:\n  - {name: net.ipv4.tcp_wmem, value: "4096 16384 4194304"}\n  - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}\ncontainers:\n- name: app\n';

testRule(unsafeSysctls, {
  valid: [
    { fixture: 'pass-safe.yaml' },
    ...validInEveryKind('safe sysctls', 'securityContext:\n  sysctls:\n  - name: net.ipv4.tcp_syncookies\n    value: "1"\ncontainers:\n- name: app\n'),
    ...inEveryKindWith('sysctls safe from 1.32 and 1.37', NEWER, { kubernetesVersion: '1.37' }),
    { name: '"latest" allows every safe sysctl', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${NEWER.replace(/^(?=.)/gm, '  ')}`, config: { kubernetesVersion: 'latest' } },
  ],
  invalid: [
    ...invalidInEveryKind(
      'unsafe and too-new sysctls',
      'securityContext:\n  sysctls:\n  - name: kernel.msgmax   # IPC\n    value: "65536"\n  - name: net.ipv4.tcp_keepalive_time\n    value: "600"\n  - {name: net.ipv4.tcp_wmem, value: "4096 16384 4194304"}\ncontainers:\n- name: app\n',
      [
        { line: 3, column: 5, endLine: 3, endColumn: 24, messageId: 'unsafe', messageIncludes: ['`kernel.msgmax`'], severity: 'error' },
        { line: 7, column: 6, endLine: 7, endColumn: 29, messageId: 'tooNew', messageIncludes: ['`net.ipv4.tcp_wmem`', '1.32', 'target 1.31'] },
      ],
      { fixed: 'securityContext:\n  sysctls:\n  - name: net.ipv4.tcp_keepalive_time\n    value: "600"\ncontainers:\n- name: app\n' },
    ),
    {
      name: 'the safe list follows kubernetesVersion (1.26: no ip_local_reserved_ports)',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    sysctls: [{name: net.ipv4.ip_local_reserved_ports, value: "30000"}, {name: net.ipv4.tcp_syncookies, value: "1"}]\n  containers:\n  - name: a\n',
      config: { kubernetesVersion: 'v1.26.3' },
      findings: [{ line: 7, column: 16, endLine: 7, endColumn: 54, messageId: 'tooNew', messageIncludes: ['1.27', 'target 1.26'] }],
      fixedText: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}]\n  containers:\n  - name: a\n',
    },
    {
      fixture: 'fail-multi-document.yaml',
      findings: [
        { line: 20, column: 11, endLine: 20, endColumn: 35, messageId: 'unsafe', messageIncludes: ['StatefulSet `cache`', '`net.core.somaxconn`'] },
        { line: 22, column: 12, endLine: 22, endColumn: 35, messageId: 'tooNew' },
        { line: 23, column: 11, endLine: 23, endColumn: 37, messageId: 'unsafe' },
      ],
      fixedFixture: 'fail-multi-document.fixed.yaml',
    },
    {
      fixture: 'fail-crlf.yaml',
      findings: [{ line: 8, column: 9, endLine: 8, endColumn: 28, messageId: 'unsafe' }],
      fixedFixture: 'fail-crlf.fixed.yaml',
    },
  ],
});

function inEveryKindWith(name: string, podSpec: string, config: { kubernetesVersion: string }) {
  return validInEveryKind(name, podSpec).map((sample) => ({ ...sample, config }));
}

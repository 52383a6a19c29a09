import { devices } from '../../../server/src/core/rules/compose/devices';
import { testRule } from '../../support/rule-tester';

testRule(devices, {
  valid: [{ name: 'no devices', fileName: 'compose.yaml', text: 'services:\n  a:\n    image: acme/a:1\n    devices: []\n' }],
  invalid: [
    {
      name: 'short and long syntax',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    devices:\n      - /dev/sda:/dev/xvda:rwm\n      - source: /dev/kvm\n        target: /dev/kvm\n        permissions: rw\n',
      findings: [
        { line: 4, column: 9, endLine: 4, endColumn: 31, messageId: 'device', messageIncludes: ['Service `a`', '`/dev/sda`'], severity: 'warning' },
        { line: 5, column: 9, endLine: 7, endColumn: 24, messageId: 'device', messageIncludes: ['`/dev/kvm`'] },
      ],
      noFix: true,
    },
  ],
});

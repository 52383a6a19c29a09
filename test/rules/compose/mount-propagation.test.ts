import { mountPropagation } from '../../../server/src/core/rules/compose/mount-propagation';
import { testRule } from '../../support/rule-tester';

testRule(mountPropagation, {
  valid: [
    { name: 'private propagation or none', fileName: 'compose.yaml', text: 'services:\n  a:\n    volumes:\n      - /mnt/a:/a:rprivate\n      - ./b:/b:ro,z\n      - type: bind\n        source: /mnt/c\n        target: /c\n        bind:\n          propagation: private\n' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'short syntax options and long syntax bind.propagation',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 26, messageId: 'propagation', messageIncludes: ['Service `agent`', '`/a`', '`rshared`'], severity: 'warning' },
        { line: 6, column: 9, endLine: 6, endColumn: 29, messageId: 'propagation', messageIncludes: ['`slave`'] },
        { line: 11, column: 11, endLine: 11, endColumn: 22, messageId: 'propagation', messageIncludes: ['`/c`', '`shared`'] },
        { line: 17, column: 11, endLine: 17, endColumn: 22, messageId: 'propagation', messageIncludes: ['`rslave`'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
    },
  ],
});

import { cgroupParent } from '../../../server/src/core/rules/compose/cgroup-parent';
import { testRule } from '../../support/rule-tester';

testRule(cgroupParent, {
  valid: [{ name: 'unset', fileName: 'compose.yaml', text: 'services:\n  a:\n    image: acme/a:1\n' }],
  invalid: [
    {
      name: 'set',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    cgroup_parent: m-executor-abcd\n',
      findings: [{ line: 3, column: 20, endLine: 3, endColumn: 35, messageId: 'set', messageIncludes: ['Service `a`', '`m-executor-abcd`'], severity: 'info' }],
      noFix: true,
    },
  ],
});

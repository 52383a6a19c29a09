import { dockerSocket } from '../../../server/src/core/rules/compose/docker-socket';
import { testRule } from '../../support/rule-tester';

testRule(dockerSocket, {
  valid: [
    { fixture: 'compose.pass.yaml', name: 'anonymous volume at the socket path, ${VAR} source, named volumes' },
    { name: 'no volumes', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    {
      fixture: 'compose.fail.yaml',
      name: 'short syntax with :ro, long syntax containerd socket, flow list; other services untouched',
      findings: [
        { line: 10, column: 9, endLine: 10, endColumn: 53, messageId: 'socket', messageIncludes: ['Service `ci`', '`/var/run/docker.sock`'], severity: 'error' },
        { line: 11, column: 9, endLine: 13, endColumn: 48, messageId: 'socket', messageIncludes: ['`/run/containerd/containerd.sock`'] },
        { line: 17, column: 15, endLine: 17, endColumn: 58, messageId: 'socket', messageIncludes: ['Service `watchtower`'] },
      ],
      fixedFixture: 'compose.fail.fixed.yaml',
    },
    {
      name: 'inherited through a `<<` merge: reported at the merge, no fix',
      fileName: 'compose.yaml',
      text: 'x-sock: &sock\n  volumes:\n    - /var/run/docker.sock:/var/run/docker.sock\nservices:\n  a:\n    <<: *sock\n    image: acme/a:1\n',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 14, messageId: 'socket', messageIncludes: ['(through its `<<` merge)'] }],
      noFix: true,
    },
  ],
});

import { imageLatest } from '../../../server/src/core/rules/compose/image-latest';
import { testRule } from '../../support/rule-tester';

testRule(imageLatest, {
  valid: [
    { name: 'tags, digests, interpolation, images built here', fileName: 'compose.yaml', text: 'services:\n  a:\n    image: postgres:16.4\n  b:\n    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    image: acme/app:${TAG:-1.0}\n  d:\n    build: .\n    image: acme/app\n' },
  ],
  invalid: [
    {
      name: 'latest, untagged, a registry port is not a tag',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    image: redis:latest\n  b:\n    image: "nginx"\n  c:\n    image: registry.local:5000/team/app\n',
      findings: [
        { line: 3, column: 12, endLine: 3, endColumn: 24, messageId: 'latest', messageIncludes: ['Service `a`', '`redis:latest`'], severity: 'warning' },
        { line: 5, column: 12, endLine: 5, endColumn: 19, messageId: 'untagged' },
        { line: 7, column: 12, endLine: 7, endColumn: 40, messageId: 'untagged' },
      ],
      noFix: true,
    },
  ],
});

import { memoryLimitMissing } from '../../../server/src/core/rules/compose/memory-limit-missing';
import { testRule } from '../../support/rule-tester';

testRule(memoryLimitMissing, {
  valid: [
    { name: 'deploy limit, mem_limit, or through a merge', fileName: 'compose.yaml', text: 'x-r: &r\n  deploy:\n    resources:\n      limits: {memory: 1G}\nservices:\n  a:\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n  b:\n    mem_limit: 512m\n  c:\n    <<: *r\n' },
  ],
  invalid: [
    {
      name: 'missing; existing deploy keys are extended; comments kept',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    image: acme/a:1 # app\n  b:\n    image: acme/b:1\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: "0.5"\n',
      findings: [
        { line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'info' },
        { line: 4, column: 3, endLine: 4, endColumn: 4, messageId: 'missing' },
      ],
      fixedText: 'services:\n  a:\n    image: acme/a:1 # app\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n  b:\n    image: acme/b:1\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 512M\n',
    },
    {
      name: 'legacy v2 file: mem_limit (CRLF)',
      fileName: 'compose.yaml',
      text: 'version: "2.4"\r\nservices:\r\n  a:\r\n    image: acme/a:1\r\n',
      findings: [{ line: 3, column: 3, endLine: 3, endColumn: 4, messageId: 'missingV2' }],
      fixedText: 'version: "2.4"\r\nservices:\r\n  a:\r\n    image: acme/a:1\r\n    mem_limit: 512m\r\n',
    },
    {
      name: 'inherited deploy without limits: reported at the merge, no fix',
      fileName: 'compose.yaml',
      text: 'x-d: &d\n  deploy:\n    replicas: 2\nservices:\n  a:\n    <<: *d\n    image: ghcr.io/acme/a:1.0.0\n',
      findings: [{ line: 6, column: 5, endLine: 6, endColumn: 11, messageId: 'missing', messageIncludes: ['(through its `<<` merge)'] }],
      noFix: true,
    },
  ],
});

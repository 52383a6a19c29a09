import { cpuLimitMissing } from '../../../server/src/core/rules/compose/cpu-limit-missing';
import { testRule } from '../../support/rule-tester';

testRule(cpuLimitMissing, {
  valid: [
    { name: 'deploy limit, cpus, cpu_quota', fileName: 'compose.yaml', text: 'services:\n  a:\n    deploy: {resources: {limits: {cpus: "1"}}}\n  b:\n    cpus: 0.5\n  c:\n    cpu_quota: 50000\n' },
  ],
  invalid: [
    {
      name: 'one of two services',
      fileName: 'compose.yaml',
      text: 'services:\n  a:\n    image: acme/a:1\n  b:\n    cpus: 1\n',
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 4, messageId: 'missing', messageIncludes: ['Service `a`'], severity: 'info' }],
      fixedText: 'services:\n  a:\n    image: acme/a:1\n    deploy:\n      resources:\n        limits:\n          cpus: "0.50"\n  b:\n    cpus: 1\n',
    },
    {
      name: 'legacy v2 file',
      fileName: 'compose.yaml',
      text: 'version: "2"\nservices:\n  a:\n    image: acme/a:1\n',
      findings: [{ line: 3, column: 3, endLine: 3, endColumn: 4, messageId: 'missingV2' }],
      fixedText: 'version: "2"\nservices:\n  a:\n    image: acme/a:1\n    cpus: 0.5\n',
    },
  ],
});

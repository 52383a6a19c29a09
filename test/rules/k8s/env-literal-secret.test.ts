import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { envLiteralSecret } from '../../../server/src/core/rules/k8s/env-literal-secret';
import { findingsOf, testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const POD = `containers:
  - name: app
    image: nginx:1.27
    env:
      - name: LOG_LEVEL
        value: debug
      - name: DB_PASSWORD
        value: hunter2
`;
const POD_FIXED = `containers:
  - name: app
    image: nginx:1.27
    env:
      - name: LOG_LEVEL
        value: debug
      - name: DB_PASSWORD
        valueFrom:
          secretKeyRef:
            name: <secret-name>
            key: DB_PASSWORD
`;
const INIT = `initContainers:
  - name: init
    image: busybox:1.36
    env:
    - name: GITHUB_TOKEN
      value: '${'ghp'}_${'x1Y2'.repeat(9)}'
containers:
  - name: app
    image: nginx:1.27
`;
const INIT_FIXED = `initContainers:
  - name: init
    image: busybox:1.36
    env:
    - name: GITHUB_TOKEN
      valueFrom:
        secretKeyRef:
          name: <secret-name>
          key: GITHUB_TOKEN
containers:
  - name: app
    image: nginx:1.27
`;

testRule(envLiteralSecret, {
  valid: [
    { fixture: 'pass-references.yaml' },
    ...validInEveryKind('secretKeyRef and harmless names', 'containers:\n  - name: app\n    image: nginx:1.27\n    env:\n      - name: API_KEY\n        valueFrom:\n          secretKeyRef: { name: s, key: k }\n      - name: MODE\n        value: production\n'),
  ],
  invalid: [
    ...invalidInEveryKind('literal password', POD, [{ line: 8, column: 16, endLine: 8, endColumn: 23, messageId: 'literal', severity: 'error', messageIncludes: ['Container `app`', '`DB_PASSWORD` to a literal value'] }], { fixed: POD_FIXED }),
    ...invalidInEveryKind('known token in an init container', INIT, [{ line: 6, column: 14, endLine: 6, endColumn: 56, messageId: 'literal', messageIncludes: ['Init container `init`', 'looks like a GitHub token'] }], { fixed: INIT_FIXED }),
    {
      fixture: 'fail-deployment.yaml',
      findings: [
        { line: 16, column: 48, endLine: 16, endColumn: 59, messageId: 'literal', messageIncludes: ['Init container `migrate` in Deployment `api`', '`DATABASE_PASSWORD`'] },
        { line: 23, column: 22, endLine: 23, endColumn: 36, messageId: 'literal', messageIncludes: ['`STRIPE_API_KEY`'] },
        { line: 26, column: 22, endLine: 28, endColumn: 28, messageId: 'literal', messageIncludes: ['`SESSION_SECRET`'] },
      ],
      fixedFixture: 'fail-deployment.fixed.yaml',
    },
    {
      name: 'CRLF line endings are kept',
      text: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: c\r\n      env:\r\n        - name: PASSWORD\r\n          value: hunter2\r\n',
      findings: [{ line: 10, column: 18, endLine: 10, endColumn: 25, messageId: 'literal' }],
      fixedText: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: c\r\n      env:\r\n        - name: PASSWORD\r\n          valueFrom:\r\n            secretKeyRef:\r\n              name: <secret-name>\r\n              key: PASSWORD\r\n',
    },
  ],
});

describe('k8s/env-literal-secret', () => {
  it('never echoes the value and offers the fix as a suggestion', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      env:\n        - name: DB_PASSWORD\n          value: "correct-horse-battery"\n';
    const [finding] = findingsOf(envLiteralSecret, 'pod.yaml', text);
    assert.ok(finding);
    assert.ok(!finding.message.includes('correct-horse'));
    assert.equal(finding.fix?.safe, false);
    assert.ok(finding.fix?.edits.every((edit) => !edit.newText.includes('correct-horse')));
  });
});

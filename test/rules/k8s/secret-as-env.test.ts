import { secretAsEnv } from '../../../server/src/core/rules/k8s/secret-as-env';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

const POD = `containers:
  - name: app
    image: nginx:1.27
    env:
      - name: TOKEN
        valueFrom:
          secretKeyRef: { name: creds, key: token }
    envFrom:
      - prefix: CREDS_
        secretRef:
          name: creds
`;

testRule(secretAsEnv, {
  valid: [
    { fixture: 'pass-volume.yaml' },
    ...validInEveryKind('ConfigMap references only', 'containers:\n  - name: app\n    image: nginx:1.27\n    envFrom:\n      - configMapRef: { name: c }\n'),
  ],
  invalid: [
    ...invalidInEveryKind('secretKeyRef and envFrom secretRef', POD, [
      { line: 7, column: 11, endLine: 7, endColumn: 23, messageId: 'secretKeyRef', severity: 'info', messageIncludes: ['key `token` of Secret `creds` into environment variable `TOKEN`'] },
      { line: 10, column: 9, endLine: 10, endColumn: 18, messageId: 'secretRef', severity: 'info', messageIncludes: ['every key of Secret `creds`'] },
    ], { noFix: true }),
    {
      fixture: 'fail-env.yaml',
      findings: [
        { line: 15, column: 19, endLine: 15, endColumn: 28, messageId: 'secretRef', messageIncludes: ['Container `backup` in CronJob `backup`', 'Secret `backup-credentials`'] },
        { line: 20, column: 21, endLine: 20, endColumn: 33, messageId: 'secretKeyRef', messageIncludes: ['`S3_SECRET`'] },
      ],
      noFix: true,
    },
  ],
});

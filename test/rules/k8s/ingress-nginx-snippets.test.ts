import { ingressNginxSnippets } from '../../../server/src/core/rules/k8s/ingress-nginx-snippets';
import { testRule } from '../../support/rule-tester';

testRule(ingressNginxSnippets, {
  valid: [
    { fixture: 'pass-annotations.yaml' },
    { name: 'annotations of other kinds are not judged', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\n    nginx.ingress.kubernetes.io/server-snippet: x\n' },
  ],
  invalid: [
    {
      fixture: 'fail-snippets.yaml',
      findings: [
        { line: 6, column: 5, endLine: 6, endColumn: 54, messageId: 'snippet', severity: 'error', messageIncludes: ['Ingress `shop` sets `nginx.ingress.kubernetes.io/configuration-snippet`'] },
        { line: 8, column: 5, endLine: 8, endColumn: 47, messageId: 'lua', messageIncludes: ['with Lua code'] },
        { line: 10, column: 5, endLine: 10, endColumn: 45, messageId: 'alias', messageIncludes: ['`alias` directive'] },
        { line: 12, column: 5, endLine: 12, endColumn: 50, messageId: 'injection', messageIncludes: ['`nginx.ingress.kubernetes.io/auth-tls-match-cn`'] },
      ],
      noFix: true,
    },
  ],
});

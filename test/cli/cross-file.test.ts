/** Cross-file rules in CI: `bulkhead scan` indexes every manifest before judging any. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ensureBuilt, makeTree, scanJson } from './support';

before(ensureBuilt);

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      serviceAccountName: api-runner\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n';
const ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api-runner\n  namespace: shop\n';

const crossFileRules = (report: ReturnType<typeof scanJson>['report']) =>
  report.findings.filter((finding) => ['k8s/networkpolicy-coverage', 'k8s/non-existent-sa'].includes(finding.ruleId)).map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);

describe('bulkhead scan: cross-file rules', () => {
  it('reports a workload no NetworkPolicy covers and a ServiceAccount defined nowhere', () => {
    const root = makeTree({ 'deploy/api.yaml': DEPLOYMENT });
    const { report } = scanJson(['.', '--fail-on', 'none'], root);
    assert.deepEqual(crossFileRules(report), ['deploy/api.yaml:2 k8s/networkpolicy-coverage', 'deploy/api.yaml:11 k8s/non-existent-sa']);
  });

  it('finds the policy and the account in other files, whatever order the files come in', () => {
    const root = makeTree({ 'a/netpol.yaml': POLICY, 'deploy/api.yaml': DEPLOYMENT, 'z/sa.yaml': ACCOUNT });
    const { report } = scanJson(['.', '--fail-on', 'none'], root);
    assert.deepEqual(crossFileRules(report), []);
  });
});

describe('bulkhead scan --jobs', () => {
  it('gives the same report with worker threads as in one thread, cross-file rules included', () => {
    const files: Record<string, string> = { 'a/netpol.yaml': POLICY, 'z/sa.yaml': ACCOUNT };
    for (let index = 0; index < 12; index++) {
      files[`svc${index}/deploy.yaml`] = DEPLOYMENT.replace(/\bapi\b/g, `api${index}`).replace('namespace: shop', index % 2 ? 'namespace: shop' : 'namespace: other');
      files[`svc${index}/Dockerfile`] = `FROM alpine:3.20\nUSER ${index % 3 === 0 ? 'root' : '10001'}\n`;
    }
    const root = makeTree(files);
    const serial = scanJson(['.', '--fail-on', 'none', '--jobs', '1'], root).report;
    const parallel = scanJson(['.', '--fail-on', 'none', '--jobs', '3'], root).report;
    assert.ok(serial.findings.some((finding) => finding.ruleId === 'k8s/networkpolicy-coverage'), 'namespace `other` has no policy');
    assert.ok(serial.findings.some((finding) => finding.ruleId === 'dockerfile/user-root'));
    assert.deepEqual(parallel, serial);
  });

  it('rejects a --jobs that is not a positive whole number', () => {
    const root = makeTree({ Dockerfile: 'FROM alpine:3.20\n' });
    assert.throws(() => scanJson(['.', '--jobs', '0'], root), /--jobs must be a whole number/);
  });
});

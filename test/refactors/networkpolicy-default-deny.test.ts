import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyze, DEFAULT_RULE_SET, refactorsOf, WorkspaceIndex } from '../../server/src/core/index';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
          ports:
            - containerPort: 8080
            - containerPort: 9090
              protocol: UDP
`;

const offersFor = (text: string, workspace?: WorkspaceIndex) =>
  refactorsOf({ fileName: '/repo/deploy/api.yaml', text }, workspace ? { workspace } : {}).filter((offer) => offer.id === 'k8s/networkpolicy-default-deny');

describe('refactoring k8s/networkpolicy-default-deny', () => {
  it('creates a policy file beside the manifest that covers the workload and allows its ports', () => {
    const [offer] = offersFor(DEPLOYMENT);
    assert.ok(offer);
    assert.deepEqual(offer.edits, [], 'the manifest itself is not touched');
    assert.equal(offer.newFiles?.[0]?.path, 'api-networkpolicy.yaml');
    const policyText = offer.newFiles![0]!.text;
    const documents = parseAllDocuments(policyText);
    assert.ok(Array.isArray(documents) && documents.length === 2 && documents.every((document) => document.errors.length === 0));
    const allow = documents[1]!.toJS() as { spec: { ingress: { ports: { port: number; protocol: string }[] }[] } };
    assert.deepEqual(allow.spec.ingress[0]!.ports, [{ protocol: 'TCP', port: 8080 }, { protocol: 'UDP', port: 9090 }]);

    // With the new file in the workspace, the coverage finding is gone and nothing is offered again.
    const index = new WorkspaceIndex();
    index.set('/repo/deploy/api-networkpolicy.yaml', analyze({ fileName: '/repo/deploy/api-networkpolicy.yaml', text: policyText }, { rules: DEFAULT_RULE_SET }).objects);
    const after = analyze({ fileName: '/repo/deploy/api.yaml', text: DEPLOYMENT }, { rules: DEFAULT_RULE_SET, workspace: index });
    assert.ok(!after.findings.some((finding) => finding.ruleId === 'k8s/networkpolicy-coverage'));
    assert.deepEqual(offersFor(DEPLOYMENT, index), []);
    const policyFindings = analyze({ fileName: '/repo/deploy/api-networkpolicy.yaml', text: policyText }, { rules: DEFAULT_RULE_SET, workspace: index });
    assert.deepEqual([policyFindings.problems, policyFindings.findings.filter((finding) => finding.severity !== 'info')], [[], []]);
  });

  it('is not offered for workloads without pod labels, or for other kinds', () => {
    assert.deepEqual(offersFor(DEPLOYMENT.replace('      labels:\n        app: api\n', '')), []);
    assert.deepEqual(offersFor('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'), []);
  });
});

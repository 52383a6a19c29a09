import { describePolicyRule, grantRange, grantsOf, type Permission } from '../../kubernetes/rbac';
import type { KubernetesRule } from '../define';

const CERTIFICATES_GROUP = 'certificates.k8s.io';
const APPROVAL: readonly Permission[] = [
  { groups: [CERTIFICATES_GROUP], resources: ['certificatesigningrequests/approval'], verbs: ['update', 'patch'] },
  { groups: [CERTIFICATES_GROUP], resources: ['signers'], verbs: ['approve'] },
];

export const rbacCsrApprove: KubernetesRule = {
  meta: {
    id: 'k8s/rbac-csr-approve',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'ClusterRole can approve certificate signing requests',
    rationale:
      'Approving a CertificateSigningRequest issues a client certificate the API server trusts: with the `kubernetes.io/kube-apiserver-client` signer, a certificate for any user or group, `system:masters` included, which RBAC cannot take away until it expires. Approval takes `update` on `certificatesigningrequests/approval` and `approve` on `signers`; each is reported. CSRs and signers are cluster-scoped, so only ClusterRoles are checked; `*` verbs on `*` resources are left to `k8s/rbac-wildcard`.',
    remediation:
      'Leave CSR approval to the controller manager and cluster administrators. A component that must approve its own certificates should get `approve` only with `resourceNames` naming its signer (e.g. `example.com/my-signer`).',
    messages: {
      approve: '{rule} grants {grants}: its subjects can issue client certificates the cluster trusts. Remove the grant, or limit `approve` to a specific signer with `resourceNames`.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV_K8S_156'] },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization'],
    example: {
      insecure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: csr-approver\nrules:\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests/approval"]\n    verbs: ["update"]\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    verbs: ["approve"]',
      secure: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: csr-reader\nrules:\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests"]\n    verbs: ["get", "list", "watch"]',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'ClusterRole') return;
    for (const grant of grantsOf(resource, APPROVAL)) {
      const grants = grant.grantedResources.map((name) => (name === 'signers' ? '`approve` on `signers`' : `${grant.grantedVerbs.filter((verb) => verb !== 'approve').map((verb) => `\`${verb}\``).join('/')} on \`${name}\``));
      context.report({
        messageId: 'approve',
        data: { rule: describePolicyRule(grant.rule), grants: grants.join(' and ') },
        range: grantRange(grant, grant.grantedResources.includes('signers') ? 'verb' : 'resource'),
      });
    }
  },
};

import { containersOf, describeContainer, isWindowsPod, podSpecOf, type Container } from '../../kubernetes/workloads';
import { keyRange, mapAt, pairOf, rangeOf, stringItems, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import { dropCapabilityEdits } from '../../kubernetes/pod-security';
import type { KubernetesRule } from '../define';
import type { OffsetRange } from '../../engine/types';

const ALLOWED_ADD = 'NET_BIND_SERVICE';

export const capabilitiesNotRestricted: KubernetesRule = {
  meta: {
    id: 'k8s/capabilities-not-restricted',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Container keeps Linux capabilities it does not need',
    rationale:
      'Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, …) that most applications never use and attackers do: NET_RAW enables packet spoofing, DAC_OVERRIDE ignores file permissions. The Pod Security Standards restricted profile requires every container to drop `ALL` (compared case-sensitively) and to add back nothing but `NET_BIND_SERVICE`; pods with `spec.os.name: windows` are exempt.',
    remediation:
      'Add `capabilities: {drop: ["ALL"]}` to the container\'s `securityContext` and remove every entry of `capabilities.add` except `NET_BIND_SERVICE`. If the process needs a capability, prefer changing the process (e.g. listen on a port above 1024).',
    messages: {
      dropAll: '{container} does not drop all capabilities (`capabilities.drop` lacks `ALL`). Add `ALL` to `drop`.',
      dropAllCase: '{container} drops `{written}`, but capability names are case-sensitive: only `ALL` drops everything. Add `ALL` to `drop`.',
      added: '{container} adds capability `{capability}`; the restricted profile allows adding only `NET_BIND_SERVICE`. Remove it from `capabilities.add`.',
    },
    fix: 'safe',
    equivalents: {
      checkov: ['CKV_K8S_37'],
      trivy: ['KSV-0003', 'KSV-0106', 'KSV-0004'],
      pss: ['restricted: Capabilities'],
      cis: ['5.2.10'],
    },
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [NET_ADMIN]\n',
      secure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    // Windows containers have no Linux capabilities: Pod Security Admission exempts them.
    if (!podSpec || isWindowsPod(podSpec)) return;
    const { document } = resource;
    for (const container of containersOf(podSpec)) {
      const capabilities = mapAt(container.securityContext, ['capabilities'], document);
      const dropNode = valueOf(capabilities, 'drop', document);
      const dropped = stringItems(dropNode, document);
      if (!dropped.some(({ value }) => value === 'ALL')) {
        const lowerCase = dropped.find(({ value }) => value.toUpperCase() === 'ALL');
        context.report({
          messageId: lowerCase ? 'dropAllCase' : 'dropAll',
          data: { container: describeContainer(container), ...(lowerCase ? { written: lowerCase.value } : {}) },
          range: dropAnchor(container),
          fix: { title: 'Drop ALL capabilities', edits: dropCapabilityEdits(container, dropNode, 'ALL') },
        });
      }
      for (const { value, written } of stringItems(writtenValueOf(capabilities, 'add'), document)) {
        if (value === ALLOWED_ADD) continue;
        context.report({ messageId: 'added', data: { container: describeContainer(container), capability: value }, range: rangeOf(written) });
      }
    }
  },
};

/** The most precise key that exists on the way to `securityContext.capabilities.drop`. */
function dropAnchor(container: Container): OffsetRange {
  const document = container.podSpec.resource.document;
  const capabilities = mapAt(container.securityContext, ['capabilities'], document);
  if (pairOf(capabilities, 'drop')) return keyRange(capabilities!, 'drop');
  if (pairOf(container.securityContext, 'capabilities')) return keyRange(container.securityContext!, 'capabilities');
  if (pairOf(container.node, 'securityContext')) return keyRange(container.node, 'securityContext');
  return container.anchorRange;
}

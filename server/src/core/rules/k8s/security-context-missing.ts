import { describeResource } from '../../kubernetes/model';
import { containersOf, describeContainer, isWindowsPod, podSpecOf } from '../../kubernetes/workloads';
import { hasValue, keyRange, pairOf, valueOf, type YamlMap } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';
import type { OffsetRange } from '../../engine/types';

/** What the fix writes: the pod-wide settings, and the per-container ones. */
const POD_SKELETON = '{runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}';
const CONTAINER_SKELETON = '{allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: ["ALL"]}}';

export const securityContextMissing: KubernetesRule = {
  meta: {
    id: 'k8s/security-context-missing',
    target: 'kubernetes',
    defaultSeverity: 'info',
    title: 'Pod or container has no security context',
    rationale:
      'Without a `securityContext` a pod runs with every runtime default: as whatever user the image names (often root), with privilege escalation allowed, the default capability set, a writable root filesystem and, depending on the cluster, no seccomp profile. An explicit context at pod level and on every container (init and ephemeral ones included) is where hardening starts, and makes the intended settings reviewable. Windows pods are not checked: the Linux settings a context would carry are rejected for them.',
    remediation:
      'Add a pod-level `securityContext` (`runAsNonRoot: true`, `seccompProfile: {type: RuntimeDefault}`) and a container `securityContext` on every container (`allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, `capabilities: {drop: ["ALL"]}`). The quick fix inserts exactly that; check that the image runs as a non-root UID and mount an `emptyDir` where it writes.',
    messages: {
      podMissing: '{resource} has no pod-level `securityContext`. Add one (`runAsNonRoot: true`, `seccompProfile: {type: RuntimeDefault}`).',
      podEmpty: '{resource} has an empty pod-level `securityContext`. Fill it in (`runAsNonRoot: true`, `seccompProfile: {type: RuntimeDefault}`).',
      containerMissing: '{container} has no `securityContext`. Add one (`allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, `capabilities: {drop: ["ALL"]}`).',
      containerEmpty: '{container} has an empty `securityContext`. Fill it in (`allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, `capabilities: {drop: ["ALL"]}`).',
    },
    fix: 'suggestion',
    equivalents: {
      checkov: ['CKV_K8S_29', 'CKV_K8S_30'],
      trivy: ['KSV-0118'],
      cis: ['5.7.3'],
    },
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    example: {
      insecure: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ghcr.io/acme/web:2.1.0\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - name: web\n    image: ghcr.io/acme/web:2.1.0\n    securityContext:\n      allowPrivilegeEscalation: false\n      readOnlyRootFilesystem: true\n      capabilities: {drop: ["ALL"]}\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec || isWindowsPod(podSpec)) return;
    const { file, document } = resource;
    const title = 'Insert a hardened securityContext (check that the image runs as non-root)';
    const podState = stateOf(podSpec.node);
    if (podState !== 'present') {
      context.report({
        messageId: podState === 'missing' ? 'podMissing' : 'podEmpty',
        data: { resource: describeResource(resource) },
        range: podState === 'missing' ? podSpec.anchorRange : keyRange(podSpec.node, 'securityContext'),
        fix: { title, edits: setIn(file, document, podSpec.node, ['securityContext'], POD_SKELETON) },
      });
    }
    for (const container of containersOf(podSpec)) {
      const state = stateOf(container.node);
      if (state === 'present') continue;
      const range: OffsetRange = state === 'missing' ? container.anchorRange : keyRange(container.node, 'securityContext');
      context.report({
        messageId: state === 'missing' ? 'containerMissing' : 'containerEmpty',
        data: { container: describeContainer(container) },
        range,
        fix: { title, edits: setIn(file, document, container.node, ['securityContext'], CONTAINER_SKELETON) },
      });
    }

    function stateOf(owner: YamlMap): 'missing' | 'empty' | 'present' {
      if (!pairOf(owner, 'securityContext')) return 'missing';
      const value = valueOf(owner, 'securityContext', document);
      if (!hasValue(value)) return 'empty';
      const items = (value as { items?: unknown[] }).items;
      return Array.isArray(items) && items.length === 0 ? 'empty' : 'present';
    }
  },
};

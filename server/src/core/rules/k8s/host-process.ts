import { podSpecOf } from '../../kubernetes/workloads';
import { securityContextsOf } from '../../kubernetes/pod-security';
import { mapAt, pairRange, scalarValue } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

export const hostProcess: KubernetesRule = {
  meta: {
    id: 'k8s/host-process',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Windows pod or container runs as a HostProcess',
    rationale:
      'A Windows HostProcess container runs directly on the node, in the host\'s network and process namespaces, with the rights of a node account: it is the Windows equivalent of a privileged container and can reach everything the node can. The Pod Security Standards baseline profile forbids `windowsOptions.hostProcess: true` in the pod\'s and every container\'s security context (init and ephemeral containers included).',
    remediation:
      'Remove `securityContext.windowsOptions.hostProcess` (or set it to `false`). Node agents that genuinely need HostProcess belong in a dedicated namespace with its own, privileged admission level.',
    messages: {
      hostProcess: '{where} runs as a Windows HostProcess (`hostProcess: true`), with full access to the node. Remove `windowsOptions.hostProcess`.',
    },
    fix: 'suggestion',
    equivalents: {
      trivy: ['KSV-0103'],
      pss: ['baseline: HostProcess'],
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
    ],
    example: {
      insecure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: node-agent\nspec:\n  os: {name: windows}\n  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n  containers:\n  - name: agent\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
      secure:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: node-agent\nspec:\n  os: {name: windows}\n  securityContext:\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n  - name: agent\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
    },
  },
  check(resource, context) {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    for (const site of securityContextsOf(podSpec)) {
      const windowsOptions = mapAt(site.securityContext, ['windowsOptions'], resource.document);
      if (scalarValue(windowsOptions, 'hostProcess', resource.document) !== true) continue;
      context.report({
        messageId: 'hostProcess',
        data: { where: site.description },
        range: pairRange(windowsOptions!, 'hostProcess')!,
        fix: { title: 'Remove windowsOptions.hostProcess', edits: deletePair(resource.file, windowsOptions!, 'hostProcess') },
      });
    }
  },
};

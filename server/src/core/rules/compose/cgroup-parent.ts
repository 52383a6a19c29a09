import { describeService, fieldScalar } from '../../compose/service-fields';
import { rangeOf } from '../../yaml/yaml-document';
import type { ComposeRule } from '../define';

export const cgroupParent: ComposeRule = {
  meta: {
    id: 'compose/cgroup-parent',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service runs in a custom parent cgroup (`cgroup_parent`)',
    rationale:
      'Docker places each container in its own cgroup under the daemon\'s parent, where the host\'s resource policy applies. `cgroup_parent` moves it elsewhere in the host\'s cgroup tree, possibly where other workloads\' or host services\' limits and accounting apply — a reviewed exception, not a default.',
    remediation:
      'Remove `cgroup_parent` unless the host\'s resource management requires it, and document why when it does.',
    messages: {
      set: '{service} runs under the custom parent cgroup `{parent}` instead of Docker\'s default. Remove `cgroup_parent` unless the host\'s resource policy requires it.',
    },
    fix: 'none',
    equivalents: {
      kics: ['cgroup_not_default'],
      cis: ['5.25'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#cgroup_parent'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n    cgroup_parent: m-executor-abcd\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n',
    },
  },
  check(service, context) {
    const found = fieldScalar(service, 'cgroup_parent');
    if (!found || found.value === null || found.value === '') return;
    context.report({
      messageId: 'set',
      data: { service: describeService(service, found.field), parent: String(found.value) },
      range: found.field.inherited ? found.field.range : rangeOf(found.written),
    });
  },
};

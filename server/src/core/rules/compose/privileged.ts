import { describeService, fieldScalar } from '../../compose/service-fields';
import { deletePair } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

export const privileged: ComposeRule = {
  meta: {
    id: 'compose/privileged',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service runs privileged',
    rationale:
      '`privileged: true` gives the container every capability, all host devices and no seccomp, AppArmor or SELinux confinement: a process that escapes the application owns the host. Almost nothing needs it; tools that do (Docker-in-Docker, hardware agents) need a few specific capabilities or devices instead.',
    remediation:
      'Remove `privileged: true` (or set it to `false`) and grant only what the service needs with `cap_add` or `devices`.',
    messages: {
      privileged: '{service} runs privileged (`privileged: true`): it gets every capability and all host devices. Remove it and add only the capabilities it needs.',
    },
    fix: 'safe',
    equivalents: {
      kics: ['privileged_containers_enabled'],
      semgrep: ['privileged-service'],
      cis: ['5.5'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#privileged'],
    example: {
      insecure: 'services:\n  agent:\n    image: acme/agent:2.1\n    privileged: true\n',
      secure: 'services:\n  agent:\n    image: acme/agent:2.1\n    cap_add: [NET_ADMIN]\n',
    },
  },
  check(service, context) {
    const found = fieldScalar(service, 'privileged');
    if (!found || (found.value !== true && found.value !== 'true')) return;
    const { field } = found;
    context.report({
      messageId: 'privileged',
      data: { service: describeService(service, field) },
      range: field.range,
      ...(field.inherited ? {} : { fix: { title: 'Remove privileged: true', edits: deletePair(service.file, field.owner, 'privileged') } }),
    });
  },
};

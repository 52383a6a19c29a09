import { reportSecurityOptions } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const selinuxDisabled: ComposeRule = {
  meta: {
    id: 'compose/selinux-disabled',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service disables SELinux labeling (`label:disable`)',
    rationale:
      'On SELinux hosts, each container gets its own label so that a process escaping it cannot touch host files or other containers. `label:disable` turns the separation off for the service: it runs with the unconfined container type.',
    remediation:
      'Remove `label:disable`. Where a bind mount needs access, relabel it (`:z` or `:Z`) instead of disabling SELinux for the whole service.',
    messages: {
      unconfined: '{service} disables SELinux separation (`{option}`). Remove the entry; relabel bind mounts with `:z`/`:Z` if they need access.',
    },
    fix: 'safe',
    equivalents: {
      semgrep: ['selinux-separation-disabled'],
      cis: ['5.3'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#security_opt'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - label:disable\n      - no-new-privileges:true\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
  },
  check(service, context) {
    reportSecurityOptions(service, context, (option) => option.name === 'label' && /^disable$/i.test(option.optionValue ?? ''), 'Remove label:disable');
  },
};

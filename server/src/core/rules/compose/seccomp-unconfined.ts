import { reportSecurityOptions } from '../../compose/host-modes';
import type { ComposeRule } from '../define';

export const seccompUnconfined: ComposeRule = {
  meta: {
    id: 'compose/seccomp-unconfined',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service disables seccomp (`seccomp:unconfined`)',
    rationale:
      'Docker\'s default seccomp profile blocks about 50 system calls that containers do not need and that kernel exploits and escapes rely on (`keyctl`, `unshare`, `mount`, `bpf`, …). `seccomp:unconfined` removes that filter and exposes the whole kernel interface.',
    remediation:
      'Remove `seccomp:unconfined`. If one system call is missing, write a custom profile based on the default one that allows just that call (`seccomp:./profile.json`).',
    messages: {
      unconfined: '{service} runs without a seccomp filter (`{option}`): every system call reaches the kernel. Remove the entry to get Docker\'s default profile.',
    },
    fix: 'safe',
    equivalents: {
      kics: ['default_seccomp_profile_disabled', 'seccomp_disabled'],
      semgrep: ['seccomp-confinement-disabled'],
      cis: ['5.22'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#security_opt'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - seccomp:unconfined\n      - no-new-privileges:true\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
  },
  check(service, context) {
    reportSecurityOptions(service, context, (option) => option.name === 'seccomp' && /^unconfined$/i.test(option.optionValue ?? ''), 'Remove seccomp:unconfined');
  },
};

import { describeCall, packageCallsOf } from '../../dockerfile/package-managers';
import type { DockerfileRule } from '../define';

export const distUpgrade: DockerfileRule = {
  meta: {
    id: 'dockerfile/dist-upgrade',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A distribution upgrade runs in the build',
    rationale:
      '`apt-get dist-upgrade` (`apt full-upgrade`) and `zypper dist-upgrade` (`zypper dup`) may install, remove and replace packages to move the whole system to newer releases, including ones the base image\'s maintainers chose on purpose. What the image contains then depends on the day it was built, and the result can differ from the base image it claims to be. Plain `apt-get upgrade` / `zypper update` (security updates within the release) are not reported.',
    remediation:
      'Use a newer base image instead, or `apt-get upgrade -y` / `zypper update -y` to apply updates within the release; install specific newer packages explicitly when needed.',
    messages: {
      distUpgrade: '`{command}` upgrades the whole distribution during the build: use a newer base image, or a plain upgrade within the release.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3035'], trivy: ['DS-0024'] },
    references: ['https://github.com/hadolint/hadolint/wiki/DL3035', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
    example: {
      insecure: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive dist-upgrade && zypper clean --all\n',
      secure: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive update && zypper clean --all\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      for (const call of packageCallsOf(instruction)) {
        if (call.action !== 'dist-upgrade' || (call.family !== 'apt' && call.manager !== 'zypper')) continue;
        const subcommand = call.subcommandWords[0]!;
        context.report({ messageId: 'distUpgrade', data: { command: describeCall(call) }, range: subcommand.range });
      }
    }
  },
};

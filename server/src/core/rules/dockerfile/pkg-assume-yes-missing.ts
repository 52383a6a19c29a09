import { callHeadRange, describeCall, hasOption, insertArgumentAfter, optionsNamed, packageCallsOf, type PackageCall } from '../../dockerfile/package-managers';
import type { DockerfileRule } from '../define';

export const pkgAssumeYesMissing: DockerfileRule = {
  meta: {
    id: 'dockerfile/pkg-assume-yes-missing',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'A package manager may stop to ask for confirmation',
    rationale:
      'A build has no one to answer "Do you want to continue? [Y/n]": without its assume-yes option, `apt-get`/`apt`, `yum`/`dnf`/`tdnf` and `zypper` abort (or wait) when an install, upgrade or removal asks for confirmation, and whether it asks depends on what the repository serves that day. Accepted: `-y`, `--yes`, `--assume-yes`, `-qq` (implies `-y`) and `-o APT::Get::Assume-Yes=true` for apt; `-y`/`--assumeyes` for yum, dnf and tdnf; `-n`/`--non-interactive` (before the subcommand) or `-y`/`--no-confirm` for zypper. A command that reads a pipe (`yes | apt-get install …`) is not judged.',
    remediation:
      'Add `-y` after the subcommand (`apt-get install -y …`, `dnf install -y …`), or `zypper --non-interactive install …`.',
    messages: {
      missing: '`{command}` without `-y` stops at a confirmation prompt that a build cannot answer. Add `-y`.',
      zypper: '`{command}` without `--non-interactive` or `-y` stops at a confirmation prompt that a build cannot answer. Add `-y`.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL3014', 'DL3030', 'DL3034', 'DL3038'], trivy: ['DS-0021'] },
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://github.com/hadolint/hadolint/wiki/DL3014'],
    example: {
      insecure: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all\n',
      secure: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      for (const call of packageCallsOf(instruction)) {
        if (!asks(call) || assumesYes(call) || call.original.inPipeline) continue;
        const subcommand = call.subcommandWords[call.subcommandWords.length - 1]!;
        const edit = insertArgumentAfter(model.text, call, subcommand, '-y');
        context.report({
          messageId: call.manager === 'zypper' ? 'zypper' : 'missing',
          data: { command: describeCall(call) },
          range: callHeadRange(call),
          ...(edit ? { fix: { title: 'Add `-y`', edits: [edit] } } : {}),
        });
      }
    }
  },
};

const PROMPTING = new Set(['install', 'upgrade', 'dist-upgrade', 'remove']);
const PROMPTING_MANAGERS = new Set(['apt-get', 'apt', 'yum', 'dnf', 'tdnf', 'zypper']);
/** Subcommands that ask too, though they are not installs: `apt-get build-dep`, `dnf group install`. */
const ALSO_PROMPTING = new Set(['build-dep', 'satisfy']);

function asks(call: PackageCall): boolean {
  if (!PROMPTING_MANAGERS.has(call.manager) || call.subcommandWords.length === 0) return false;
  return PROMPTING.has(call.action) || ALSO_PROMPTING.has(call.subcommand ?? '');
}

function assumesYes(call: PackageCall): boolean {
  switch (call.manager) {
    case 'apt-get':
    case 'apt':
      return (
        hasOption(call, 'y', ['--yes', '--assume-yes', '--force-yes']) ||
        call.options.some((option) => (option.letters !== undefined && /qq/.test(option.letters)) || /^(?:-q|--quiet)$/.test(option.name) && Number(option.value) >= 2) ||
        optionsNamed(call, '-o', '--option').some((option) => /^APT::Get::Assume-Yes=(?:true|1|yes|on)$/i.test(option.value ?? ''))
      );
    case 'zypper':
      return hasOption(call, 'ny', ['--non-interactive', '--no-confirm']);
    default:
      return hasOption(call, 'y', ['--assumeyes']) || optionsNamed(call, '--setopt').some((option) => /^assumeyes=(?:1|true|yes)$/i.test(option.value ?? ''));
  }
}

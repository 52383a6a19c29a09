import type { DockerfileModel, DockerInstruction } from '../../dockerfile/model';
import { describeCall, insertArgumentAfter, optionsNamed, packageCallsOf, stageChain, type PackageCall } from '../../dockerfile/package-managers';
import type { DockerfileRule } from '../define';

export const aptNoInstallRecommends: DockerfileRule = {
  meta: {
    id: 'dockerfile/apt-no-install-recommends',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: '`apt-get install` also installs recommended packages',
    rationale:
      'By default `apt-get install` (and `apt install`) also installs every package the requested ones merely *recommend*: often dozens of extra programs and libraries nobody asked for, each one more thing to patch and a larger attack surface. Not reported when the command has `--no-install-recommends` or `-o APT::Install-Recommends=false`, or when an earlier `RUN` of the stage (or a stage it is built from) configures `APT::Install-Recommends` (an `apt.conf.d` file written with `echo`).',
    remediation:
      'Add `--no-install-recommends` to `apt-get install` and name the few recommended packages you really need (`ca-certificates` is a common one).',
    messages: {
      missing: '`{command}` without `--no-install-recommends` also installs the packages these recommend. Add the flag and list what you need.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL3015'], trivy: ['DS-0029'], cis: ['4.3'] },
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://github.com/hadolint/hadolint/wiki/DL3015', 'CIS Docker Benchmark 4.3'],
    example: {
      insecure: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      secure: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  check(model, context) {
    const configuring = runsConfiguringRecommends(model);
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      const calls = packageCallsOf(instruction).filter((call) => call.family === 'apt' && call.subcommand === 'install');
      if (calls.length === 0 || configuredEarlier(configuring, instruction)) continue;
      for (const call of calls) {
        if (declinesRecommends(call)) continue;
        const install = call.subcommandWords[0]!;
        const edit = insertArgumentAfter(model.text, call, install, '--no-install-recommends');
        context.report({
          messageId: 'missing',
          data: { command: describeCall(call) },
          range: install.range,
          ...(edit ? { fix: { title: 'Add `--no-install-recommends`', edits: [edit] } } : {}),
        });
      }
    }
  },
};

function declinesRecommends(call: PackageCall): boolean {
  if (call.options.some((option) => option.name === '--no-install-recommends')) return true;
  return optionsNamed(call, '-o', '--option').some((option) => /^APT::Install-Recommends=(?:false|0|no|off)$/i.test(option.value ?? ''));
}

/** The `RUN`s that mention `APT::Install-Recommends` (writing an apt.conf.d file, usually): few or none. */
function runsConfiguringRecommends(model: DockerfileModel): DockerInstruction[] {
  return model.instructions.filter(
    (instruction) =>
      instruction.keyword === 'RUN' &&
      !instruction.onbuild &&
      instruction.stage !== undefined &&
      (instruction.shell?.commands ?? []).some((command) => command.args.some((arg) => /APT::Install-Recommends/i.test(arg.value ?? arg.raw))),
  );
}

/** One of the configuring `RUN`s comes earlier in the instruction's stage chain. */
function configuredEarlier(configuring: readonly DockerInstruction[], instruction: DockerInstruction): boolean {
  if (configuring.length === 0) return false;
  const chain = new Set(stageChain(instruction.stage!));
  return configuring.some(
    (earlier) => chain.has(earlier.stage!) && (earlier.stage !== instruction.stage || earlier.range.start < instruction.range.start),
  );
}

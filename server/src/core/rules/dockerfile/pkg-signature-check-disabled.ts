import { describeCall, hasOption, optionsNamed, packageCallsOf, removeArguments, replaceArgument, type PackageCall, type PackageOption } from '../../dockerfile/package-managers';
import type { TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const pkgSignatureCheckDisabled: DockerfileRule = {
  meta: {
    id: 'dockerfile/pkg-signature-check-disabled',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: 'A package manager installs without checking signatures',
    rationale:
      'Package signatures are what proves a package comes from its distribution and was not altered on a mirror, a proxy or the network. Turning the check off lets anyone in that path put their own code into the image, as root. Reported: `apk --allow-untrusted`; `apt-get`/`apt` `--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes` and `-o APT::Get::AllowUnauthenticated=true`; `yum`/`dnf`/`microdnf`/`tdnf` `--nogpgcheck` and `--setopt=[repo.]gpgcheck=0`; `zypper --no-gpg-checks`; `rpm --nodigest`, `--nosignature`, `--noverify`, `--nofiledigest`.',
    remediation:
      'Remove the option and import the repository\'s signing key instead (`apt`: a keyring in `/etc/apt/keyrings` with `signed-by=`; `rpm --import`; `apk` keys in `/etc/apk/keys`). For local packages you built yourself, sign them or copy them from a build stage you control.',
    messages: {
      disabled: '`{option}` turns off signature checks for `{command}`: anyone between the repository and the build can substitute packages. Remove it and trust the repository\'s key instead.',
    },
    fix: 'safe',
    equivalents: { checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_11', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10'], cis: ['4.11'] },
    references: ['https://wiki.debian.org/SecureApt', 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper', 'CIS Docker Benchmark 4.11'],
    example: {
      insecure: 'FROM alpine:3.20\nCOPY tool.apk /tmp/\nRUN apk add --no-cache --allow-untrusted /tmp/tool.apk\n',
      secure: 'FROM alpine:3.20\nCOPY keys/builder.rsa.pub /etc/apk/keys/\nCOPY tool.apk /tmp/\nRUN apk add --no-cache /tmp/tool.apk\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      for (const call of packageCallsOf(instruction)) {
        for (const option of call.options) {
          if (!disablesSignatures(call, option)) continue;
          const fix = fixOf(model.text, call, option);
          context.report({
            messageId: 'disabled',
            data: { option: option.value !== undefined && option.valueWord ? `${option.name} ${option.value}` : (option.word.value ?? option.word.raw), command: describeCall(call) },
            range: option.range,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
};

const FALSE = /^(?:0|false|no|off)$/i;
const TRUE = /^(?:1|true|yes|on)$/i;

function disablesSignatures(call: PackageCall, option: PackageOption): boolean {
  switch (call.family) {
    case 'apk':
      return option.name === '--allow-untrusted';
    case 'apt': {
      if (['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes'].includes(option.name)) return true;
      if (!optionsNamed(call, '-o', '--option').includes(option)) return false;
      const [key, value] = splitSetting(option.value);
      return /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)$/i.test(key) && TRUE.test(value);
    }
    case 'dnf':
    case 'microdnf':
    case 'tdnf': {
      if (option.name === '--nogpgcheck') return true;
      if (!optionsNamed(call, '--setopt').includes(option)) return false;
      const [key, value] = splitSetting(option.value);
      return /^(?:[^=]*\.)?(?:gpgcheck|repo_gpgcheck|localpkg_gpgcheck)$/i.test(key) && FALSE.test(value);
    }
    case 'zypper':
      return option.name === '--no-gpg-checks';
    case 'rpm':
      return ['--nodigest', '--nosignature', '--noverify', '--nofiledigest'].includes(option.name);
    default:
      return false;
  }
}

function splitSetting(setting: string | undefined): [string, string] {
  const equals = (setting ?? '').indexOf('=');
  return equals < 0 ? [setting ?? '', ''] : [setting!.slice(0, equals), setting!.slice(equals + 1)];
}

/**
 * Removes the option (and its separate value). `--force-yes` also answers prompts, so it becomes
 * `-y` unless the command already assumes yes.
 */
function fixOf(text: string, call: PackageCall, option: PackageOption): { title: string; edits: TextEdit[] } | undefined {
  // Only a whole word can go: not `-yo Opt=1`, where other flags share it.
  if (option.letters !== undefined && option.letters.length > 1) return undefined;
  if (option.name === '--force-yes' && !hasOption(call, 'y', ['--yes', '--assume-yes'])) {
    const edit = replaceArgument(text, call, option.word, '-y');
    return edit ? { title: 'Replace `--force-yes` with `-y`', edits: [edit] } : undefined;
  }
  const edit = removeArguments(text, call, option.word, option.valueWord ?? option.word);
  return edit ? { title: `Remove \`${option.name}\``, edits: [edit] } : undefined;
}

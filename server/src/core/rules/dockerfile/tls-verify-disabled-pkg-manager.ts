import { describeCall, optionsNamed, packageCallsOf, removeArguments, type PackageCall, type PackageOption } from '../../dockerfile/package-managers';
import type { OffsetRange, Report } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const tlsVerifyDisabledPkgManager: DockerfileRule = {
  meta: {
    id: 'dockerfile/tls-verify-disabled-pkg-manager',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: 'A package manager is told not to verify TLS',
    rationale:
      'Without certificate verification, anyone between the build and the package index (a proxy, a compromised network, a DNS hijack) can serve their own packages, and language package indexes have no signatures to fall back on. Reported: `pip --trusted-host` (on any subcommand, and `pip config set …trusted-host`); `npm`/`yarn config set strict-ssl false` and the `--strict-ssl=false` / `--no-strict-ssl` options; `yum`/`dnf` (also `yum-config-manager`, `dnf config-manager`) `--setopt=[repo.]sslverify=0|false|no`.',
    remediation:
      'Remove the option. If the index sits behind a proxy that intercepts TLS, give the tool that proxy\'s CA certificate instead (`pip --cert`, `npm config set cafile`, `sslcacert=` in the repository file), or add the CA to the image\'s trust store.',
    messages: {
      pipTrustedHost: '`--trusted-host {host}` makes `{command}` accept any certificate (or plain HTTP) from `{host}`. Remove it and trust the index\'s CA instead.',
      strictSsl: '`{setting}` makes `{command}` accept any certificate from the registry. Remove it and trust the registry\'s CA instead.',
      sslVerify: '`{setting}` turns off certificate checks for `{command}` repositories. Remove it and trust the repository\'s CA instead.',
    },
    fix: 'safe',
    equivalents: { checkov: ['CKV2_DOCKER_4', 'CKV2_DOCKER_13', 'CKV2_DOCKER_15'] },
    references: ['https://pip.pypa.io/en/stable/topics/https-certificates/', 'https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl'],
    example: {
      insecure: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --trusted-host pypi.example.com --index-url https://pypi.example.com/simple flask==3.0.3\n',
      secure: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://pypi.example.com/simple flask==3.0.3\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      for (const call of packageCallsOf(instruction)) {
        for (const report of findingsOf(model.text, call)) context.report(report);
      }
    }
  },
};

const FALSE = /^(?:0|false|no|off)$/i;

function findingsOf(text: string, call: PackageCall): Report[] {
  const command = describeCall(call);
  const reports: Report[] = [];
  const optionReport = (option: PackageOption, messageId: string, data: Record<string, string>, safe = true): Report => {
    const edit = option.letters === undefined ? removeArguments(text, call, option.word, option.valueWord ?? option.word) : undefined;
    return {
      messageId,
      data: { command, ...data },
      range: option.range,
      ...(edit ? { fix: { title: `Remove \`${option.name}\``, edits: [edit], ...(safe ? {} : { safe: false as const }) } } : {}),
    };
  };
  const setting = (range: OffsetRange, messageId: string, written: string): Report => ({ messageId, data: { command, setting: written }, range });

  switch (call.family) {
    case 'pip': {
      // Without the trusted host, a plain-HTTP index stops working: that fix needs a look.
      const plainHttp = call.options.some((option) => /^--(?:index-url|extra-index-url|find-links)$|^-[if]$/.test(option.name) && /^http:/i.test(option.value ?? ''));
      for (const option of optionsNamed(call, '--trusted-host')) reports.push(optionReport(option, 'pipTrustedHost', { host: option.value ?? '' }, !plainHttp));
      const [key, value] = call.operands;
      if (call.action === 'config' && key?.value !== undefined && /(?:^|\.)trusted-host$/.test(key.value) && value) {
        reports.push({ messageId: 'pipTrustedHost', data: { command, host: value.value ?? value.raw }, range: { start: key.range.start, end: value.range.end } });
      }
      break;
    }
    case 'npm':
    case 'yarn': {
      for (const option of call.options) {
        const off = (option.name === '--strict-ssl' && FALSE.test(option.value ?? '')) || option.name === '--no-strict-ssl';
        if (off) reports.push(optionReport(option, 'strictSsl', { setting: written(option) }));
      }
      if (call.action !== 'config') break;
      const [key, value] = call.operands;
      if (key?.value === undefined) break;
      if (key.value === 'strict-ssl' && value?.value !== undefined && FALSE.test(value.value)) {
        reports.push(setting({ start: key.range.start, end: value.range.end }, 'strictSsl', `${call.subcommand} strict-ssl ${value.value}`));
      } else if (/^strict-ssl=/.test(key.value) && FALSE.test(key.value.slice('strict-ssl='.length))) {
        reports.push(setting(key.range, 'strictSsl', `${call.subcommand} ${key.value}`));
      }
      break;
    }
    case 'dnf':
    case 'microdnf':
    case 'tdnf': {
      for (const option of optionsNamed(call, '--setopt')) {
        if (isSslVerifyOff(option.value)) reports.push(optionReport(option, 'sslVerify', { setting: written(option) }));
      }
      // dnf5: `dnf config-manager setopt repo.sslverify=0`.
      if (call.subcommand === 'config-manager') {
        for (const operand of call.operands) if (isSslVerifyOff(operand.value)) reports.push(setting(operand.range, 'sslVerify', operand.value!));
      }
      break;
    }
    default:
      break;
  }
  return reports;
}

function isSslVerifyOff(setting: string | undefined): boolean {
  const match = /^(?:[^=]*\.)?sslverify=(.*)$/i.exec(setting ?? '');
  return match !== null && FALSE.test(match[1]!);
}

function written(option: PackageOption): string {
  return option.valueWord ? `${option.name} ${option.value ?? option.valueWord.raw}` : (option.word.value ?? option.word.raw);
}

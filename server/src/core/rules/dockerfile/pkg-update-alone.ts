import type { DockerfileModel, DockerInstruction } from '../../dockerfile/model';
import { appendOffset, callHeadRange, describeCall, laterCalls, packageCallsOf, type PackageCall } from '../../dockerfile/package-managers';
import { keepingDirectives } from '../../dockerfile/run-edits';
import type { Report, TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const pkgUpdateAlone: DockerfileRule = {
  meta: {
    id: 'dockerfile/pkg-update-alone',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'The package index is updated in a `RUN` that installs nothing',
    rationale:
      'The build cache keys a `RUN` on its text. A `RUN apt-get update` of its own is cached once and reused for months, so a later `RUN apt-get install` reads a stale index: it installs outdated packages (missing security fixes) or fails when the mirror no longer has them. Updating and installing in the same `RUN` refreshes the index whenever the package list changes. Reported for the index refreshes `apt-get`/`apt update`, `apk update`, `zypper refresh` and `yum`/`dnf`/`microdnf`/`tdnf makecache` when no install or upgrade of the same manager follows in the same `RUN`. `yum update`, `dnf update` and `zypper update` upgrade packages and are not index refreshes.',
    remediation:
      'Join the update with the install it serves: `RUN apt-get update && apt-get install -y --no-install-recommends … && rm -rf /var/lib/apt/lists/*`. With `apk`, `apk add --no-cache` fetches a fresh index itself.',
    messages: {
      alone: '`{command}` runs without an install in the same `RUN`: its index is cached with this layer and goes stale. Update and install in one `RUN`.',
    },
    fix: 'safe',
    equivalents: { checkov: ['CKV_DOCKER_5'], trivy: ['DS-0017'], cis: ['4.7'] },
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'CIS Docker Benchmark 4.7'],
    example: {
      insecure: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      secure: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (!instruction.stage) continue;
      const calls = packageCallsOf(instruction);
      for (const call of calls) {
        if (call.action !== 'refresh' || laterCalls(calls, call, usesIndex).length > 0) continue;
        const report: Report = { messageId: 'alone', data: { command: describeCall(call) }, range: callHeadRange(call) };
        const fix = mergeIntoNextRun(model, instruction, call);
        context.report(fix ? { ...report, fix } : report);
      }
    }
  },
};

/** Calls that read the refreshed index: installs, upgrades and apt's source/build-dep/download. */
function usesIndex(call: PackageCall): boolean {
  return ['install', 'upgrade', 'dist-upgrade'].includes(call.action) || ['build-dep', 'source', 'download', 'satisfy', 'fix'].includes(call.subcommand ?? '');
}

/** Instructions that change how a later `RUN` runs: the update cannot move past them. */
const BARRIERS = new Set(['USER', 'SHELL', 'ONBUILD']);

/**
 * Moves the update into the next `RUN` of the stage that installs with the same manager:
 * `RUN apt-get update` + `RUN apt-get install …` → `RUN apt-get update && \` + the install's text.
 * Only plain shell-form `RUN`s (the update one without flags, the install one with at most
 * `--mount`s); the fix needs a look (`safe: false`) when other instructions lie between them.
 */
function mergeIntoNextRun(model: DockerfileModel, update: DockerInstruction, call: PackageCall): Report['fix'] {
  const text = model.text;
  const stage = update.stage!;
  if (update.onbuild || update.execForm || update.flags.length > 0) return undefined;
  const scriptStart = update.args[0]?.range.start;
  const scriptEnd = appendOffset(text, update);
  if (scriptStart === undefined || scriptEnd === undefined) return undefined;

  const after = stage.instructions.slice(stage.instructions.indexOf(update) + 1);
  const index = after.findIndex(
    (candidate) => candidate.keyword === 'RUN' && !candidate.onbuild && packageCallsOf(candidate).some((later) => later.family === call.family && usesIndex(later)),
  );
  if (index < 0) return undefined;
  const install = after[index]!;
  const between = after.slice(0, index);
  if (between.some((instruction) => BARRIERS.has(instruction.keyword) || instruction.onbuild)) return undefined;
  const firstWord = install.args[0];
  if (install.execForm || !firstWord || firstWord.value.startsWith('<<') || install.flags.some((flag) => flag.name.toLowerCase() !== 'mount')) return undefined;

  // Delete the update's whole line(s): it must start its line and end it.
  const lineStart = text.lastIndexOf('\n', update.range.start - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, update.range.start))) return undefined;
  const newline = text.indexOf('\n', update.range.end);
  if (newline < 0 || !/^[ \t\r]*$/.test(text.slice(update.range.end, newline))) return undefined;
  const eol = text[newline - 1] === '\r' ? '\r\n' : '\n';
  const edits: TextEdit[] = [
    keepingDirectives(text, { start: lineStart, end: newline + 1, newText: '' }),
    { start: firstWord.range.start, end: firstWord.range.start, newText: `${text.slice(scriptStart, scriptEnd)} && ${model.escapeCharacter}${eol}    ` },
  ];
  return {
    title: 'Merge the update into the next `RUN` that installs',
    edits,
    ...(between.length > 0 ? { safe: false as const } : {}),
  };
}

import { finalStage, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { lineStartOf, nextLineStartOf } from '../../dockerfile/run-edits';
import { isRootUser, userInEffect, type UserInEffect } from '../../dockerfile/users';
import type { DockerfileRule } from '../define';

const NON_ROOT_UID = '10001';
/** Windows images run as a user name; `ContainerUser` is the non-administrator account every Windows base image has. */
const WINDOWS_NON_ADMIN = 'ContainerUser';

export const userRoot: DockerfileRule = {
  meta: {
    id: 'dockerfile/user-root',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'The image runs as root',
    rationale:
      'A container whose process runs as root (UID 0) turns any code-execution bug into root inside the container, and root in the container is one kernel or runtime bug away from root on the node. Only the final stage decides the runtime user: its last `USER`, or the `USER` it inherits from the stage it is built from. Without any `USER` the image keeps its base image\'s default, which is root for almost every official image. Windows images run as a user name: ContainerAdministrator by default on Windows Server Core (Nano Server defaults to the unprivileged ContainerUser).',
    remediation:
      'End the final stage with a non-root numeric user, e.g. `USER 10001` (create it with `useradd`/`adduser` when the program needs a home directory or a name). Numeric UIDs also let Kubernetes verify `runAsNonRoot`.',
    messages: {
      root: 'The final stage runs as root: `USER {user}`. Switch to a non-root UID, e.g. `USER 10001`.',
      inherited: 'The final stage runs as root: it inherits `USER {user}` from stage `{stage}`. Add a non-root `USER` (e.g. `USER 10001`) to this stage.',
      missing: 'The final stage sets no `USER`, so the container runs as root (the base image default). Add `USER 10001` (a non-root UID) before `CMD`/`ENTRYPOINT`.',
      windowsAdministrator: 'The final stage runs as `{user}`, the Windows container administrator. Switch to `USER ContainerUser`.',
      windowsMissing: 'The final stage sets no `USER`, so the container runs as ContainerAdministrator (the default of Windows Server Core and Windows images). Add `USER ContainerUser` before `CMD`/`ENTRYPOINT`.',
    },
    fix: 'suggestion',
    equivalents: { hadolint: ['DL3002'], checkov: ['CKV_DOCKER_8', 'CKV_DOCKER_3'], trivy: ['DS-0002'], cis: ['4.1'] },
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'CIS Docker Benchmark 4.1'],
    example: {
      insecure: 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app"]\n',
      secure: 'FROM alpine:3.20\nCOPY app /app\nUSER 10001\nCMD ["/app"]\n',
    },
  },
  check(model, context) {
    const stage = finalStage(model);
    if (!stage || stage.image.unresolved) return;
    const decided = userInEffect(stage, model.globalArgs);
    const windows = windowsBaseOf(stage);
    if (windows) {
      checkWindows(stage, model, windows, decided, context);
      return;
    }
    if (decided) {
      if (!isRootUser(decided.user)) return;
      const value = decided.instruction.args[0]!;
      const inherited = decided.stage !== stage;
      const replacement = decided.user.includes(':') ? `${NON_ROOT_UID}:${NON_ROOT_UID}` : NON_ROOT_UID;
      if (!inherited) {
        context.report({
          messageId: 'root',
          data: { user: value.value },
          range: value.range,
          fix: { title: `Run as UID ${replacement}`, edits: [{ ...value.range, newText: replacement }] },
        });
        return;
      }
      context.report({
        messageId: 'inherited',
        data: { user: value.value, stage: decided.stage.name ?? String(decided.stage.index) },
        range: stage.from.range,
        related: [{ range: value.range, message: `USER ${value.value} is set here` }],
        fix: insertUserFix(stage, model),
      });
      return;
    }
    if (defaultsToNonRoot(stage)) return;
    context.report({ messageId: 'missing', range: stage.from.range, fix: insertUserFix(stage, model) });
  },
};

/** Distroless `:nonroot` and similar images already default to a non-root user. */
function defaultsToNonRoot(stage: Stage): boolean {
  const { tag, path } = rootImageOf(stage);
  return /nonroot/i.test(tag ?? '') || /nonroot/i.test(path);
}

/** The image the stage's chain of `FROM <stage>` starts from. */
function rootImageOf(stage: Stage): Stage['image'] {
  let root: Stage = stage;
  for (let guard = 0; root.baseStage && guard < 64; guard++) root = root.baseStage;
  return root.image;
}

/**
 * `nanoserver` or `servercore` when the stage is built on a Windows image: Microsoft's Windows
 * base images (`mcr.microsoft.com/windows/…`) and the many images tagged for them
 * (`dotnet/aspnet:8.0-nanoserver-ltsc2022`, `python:3.12-windowsservercore`). Nano Server runs as
 * ContainerUser by default, the others as ContainerAdministrator.
 */
function windowsBaseOf(stage: Stage): 'nanoserver' | 'servercore' | undefined {
  const { registry, path, tag } = rootImageOf(stage);
  const words = `${path}:${tag ?? ''}`.toLowerCase();
  if (words.includes('nanoserver')) return 'nanoserver';
  if (words.includes('servercore') || (registry?.toLowerCase() === 'mcr.microsoft.com' && /^windows(\/|$)/i.test(path))) return 'servercore';
  return undefined;
}

function checkWindows(stage: Stage, model: DockerfileModel, base: 'nanoserver' | 'servercore', decided: UserInEffect | undefined, context: Parameters<DockerfileRule['check']>[1]): void {
  if (decided) {
    if (decided.user.split(':')[0]!.trim().toLowerCase() !== 'containeradministrator') return;
    const value = decided.instruction.args[0]!;
    const inherited = decided.stage !== stage;
    context.report({
      messageId: 'windowsAdministrator',
      data: { user: value.value },
      range: inherited ? stage.from.range : value.range,
      ...(inherited
        ? { related: [{ range: value.range, message: `USER ${value.value} is set here` }], fix: insertUserFix(stage, model, WINDOWS_NON_ADMIN) }
        : { fix: { title: `Run as ${WINDOWS_NON_ADMIN}`, edits: [{ ...value.range, newText: WINDOWS_NON_ADMIN }] } }),
    });
    return;
  }
  if (base === 'servercore') context.report({ messageId: 'windowsMissing', range: stage.from.range, fix: insertUserFix(stage, model, WINDOWS_NON_ADMIN) });
}

/**
 * Inserts `USER 10001` before the final stage's first CMD/ENTRYPOINT, or at its end. None for a
 * file cut off in the middle of its last instruction (a line continuation, then nothing): a line
 * appended there would be read as more of that instruction.
 */
function insertUserFix(stage: Stage, { text, escapeCharacter }: DockerfileModel, user = NON_ROOT_UID) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const runtime = stage.instructions.find((instruction) => !instruction.onbuild && (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT'));
  if (runtime) {
    const lineStart = lineStartOf(text, runtime.range.start);
    return { title: `Insert USER ${user}`, edits: [{ start: lineStart, end: lineStart, newText: `USER ${user}${eol}` }] };
  }
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const lineEnd = nextLineStartOf(text, last.range.end);
  const at = lineEnd ?? text.length;
  if (text.slice(0, at).trimEnd().endsWith(escapeCharacter)) return undefined;
  const prefix = lineEnd === undefined ? eol : '';
  return { title: `Append USER ${user}`, edits: [{ start: at, end: at, newText: `${prefix}USER ${user}${eol}` }] };
}

import { normalizePath, workdirsOf } from '../../dockerfile/workdir';
import type { DockerfileRule } from '../define';

/** Kernel and boot directories: the runtime mounts `proc`, `sysfs` and device nodes over the first three. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

export const workdirSystemDir: DockerfileRule = {
  meta: {
    id: 'dockerfile/workdir-system-dir',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: '`WORKDIR` is a kernel or boot directory',
    rationale:
      'At run time the container runtime mounts the kernel\'s `proc` filesystem on `/proc`, `sysfs` on `/sys` and device nodes on `/dev`: whatever the build put there is hidden, and a program working there reads and writes kernel interfaces instead of files. `/boot`, `/initrd` and `/lost+found` belong to booting and checking a host\'s disk. An application directory there is a mistake at best and an attempt to reach the host at worst. The directory is judged after joining a relative `WORKDIR` to the one before it and normalising `..`; a path that a build argument decides is judged by its fixed part (`/proc/$X`).',
    remediation:
      'Use a directory of your own for the application, e.g. `WORKDIR /app` or `WORKDIR /opt/<name>`.',
    messages: {
      system: '`WORKDIR {path}` is inside `{dir}`, a kernel or boot directory. Use an application directory such as `/app`.',
      resolved: '`WORKDIR {path}` resolves to `{resolved}`, inside `{dir}`, a kernel or boot directory. Use an application directory such as `/app`.',
    },
    fix: 'none',
    equivalents: { trivy: ['DS-0030'] },
    references: ['https://docs.docker.com/reference/dockerfile/#workdir'],
    example: {
      insecure: 'FROM alpine:3.20\nWORKDIR /proc/app\nCOPY . .',
      secure: 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      for (const workdir of workdirsOf(model, stage)) {
        if (workdir.kind === 'windows' || workdir.kind === 'variable') continue;
        const judged = workdir.resolved ?? knownPrefix(workdir.path, workdir.kind === 'absolute');
        const dir = judged === undefined ? undefined : SYSTEM_DIRS.find((candidate) => judged === candidate || judged.startsWith(`${candidate}/`));
        if (!dir) continue;
        context.report({
          messageId: workdir.kind === 'absolute' ? 'system' : 'resolved',
          data: { path: workdir.path, resolved: workdir.resolved ?? '', dir },
          range: workdir.range,
        });
      }
    }
  },
};

/** `/proc/$X/y` → `/proc`: the directories before the first variable of an absolute path. */
function knownPrefix(path: string, absolute: boolean): string | undefined {
  if (!absolute) return undefined;
  const variable = path.search(/\$(?:\{|[A-Za-z_])/);
  if (variable < 0) return undefined;
  const slash = path.lastIndexOf('/', variable);
  return slash <= 0 ? undefined : normalizePath(path.slice(0, slash));
}

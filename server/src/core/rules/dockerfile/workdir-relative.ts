import { workdirsOf } from '../../dockerfile/workdir';
import type { DockerfileRule } from '../define';

export const workdirRelative: DockerfileRule = {
  meta: {
    id: 'dockerfile/workdir-relative',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: '`WORKDIR` is a relative path',
    rationale:
      'A relative `WORKDIR` is joined to the working directory before it, which may be set far above, in another stage, or by the base image, where nobody reading this file can see it: a change of base image silently moves the directory files are copied to and commands run in. A leading `~` is not expanded: `WORKDIR ~/app` creates a directory named `~`. Paths that start with a variable (`$HOME`, `${APP_DIR}`) and Windows paths (`C:\\app`) are not judged.',
    remediation:
      'Write the absolute path, e.g. `WORKDIR /app/src` instead of `WORKDIR src`. When this file sets the directory before it, the fix writes the path that the relative one resolves to.',
    messages: {
      relative: '`WORKDIR {path}` is relative to a working directory this file does not show (the base image\'s). Use an absolute path.',
      resolvable: '`WORKDIR {path}` is relative: it means `{resolved}`. Write the absolute path.',
      joined: '`WORKDIR {path}` is relative: it is joined to the working directory before it, `{previous}`. Use an absolute path.',
      tilde: '`WORKDIR {path}`: `~` is not expanded in a Dockerfile, this creates a directory named `~`. Use an absolute path such as `/home/<user>` or `$HOME`.',
    },
    fix: 'safe',
    equivalents: { hadolint: ['DL3000'], checkov: ['CKV_DOCKER_10'], trivy: ['DS-0009'] },
    references: ['https://docs.docker.com/reference/dockerfile/#workdir', 'https://docs.docker.com/build/building/best-practices/#workdir'],
    example: {
      insecure: 'FROM node:22-alpine\nWORKDIR app\nCOPY . .',
      secure: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      for (const workdir of workdirsOf(model, stage)) {
        if (workdir.kind !== 'relative') continue;
        if (workdir.path === '~' || workdir.path.startsWith('~/')) {
          context.report({ messageId: 'tilde', data: { path: workdir.path }, range: workdir.range });
          continue;
        }
        // The resolved path replaces a plain word only: quoting and spaces are the author's call.
        const fixable = workdir.resolved !== undefined && workdir.plain && /^[A-Za-z0-9_./+@%,:=-]+$/.test(workdir.resolved);
        context.report({
          messageId: workdir.resolved !== undefined ? 'resolvable' : workdir.previous !== undefined ? 'joined' : 'relative',
          data: { path: workdir.path, resolved: workdir.resolved ?? '', previous: workdir.previous ?? '' },
          range: workdir.range,
          ...(fixable ? { fix: { title: `Write the absolute path \`${workdir.resolved}\``, edits: [{ ...workdir.range, newText: workdir.resolved! }] } } : {}),
        });
      }
    }
  },
};

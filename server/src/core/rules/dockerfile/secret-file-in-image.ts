import { finalStage, type DockerInstruction, type Stage } from '../../dockerfile/model';
import type { DockerfileRule } from '../define';

export const secretFileInImage: DockerfileRule = {
  meta: {
    id: 'dockerfile/secret-file-in-image',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: 'A credentials file is copied into the image',
    rationale:
      'Variables such as `GOOGLE_APPLICATION_CREDENTIALS`, `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` and `HF_TOKEN_PATH` name a file that holds a credential. When the final stage sets one to a path that a `COPY`/`ADD` of that stage fills, or copies a file straight to `$GOOGLE_APPLICATION_CREDENTIALS`, the key file is part of the image and anyone who can pull it can read the credential. A path inside a copied directory counts (`COPY config/ /app/` with `GOOGLE_APPLICATION_CREDENTIALS=/app/key.json`), except for a copy to `/` itself, which says nothing about any one file. Relative paths are resolved against the `WORKDIR`. Earlier build stages are not judged: their files do not reach the image unless copied.',
    remediation:
      'Mount the credentials file when the container starts (an orchestrator secret or a volume at the path the variable names), or use workload identity so no key file is needed. Remove the file from the build context (`.dockerignore`) and rotate the key if an image with it was pushed.',
    messages: {
      copied: '`{name}` points at `{path}`, which the `{keyword}` on line {line} copies into the image: the credentials file ships with it. Mount it at runtime instead.',
      destination: '`{keyword}` copies a file to `${name}`, the credentials file: it ships with the image. Mount it at runtime instead.',
    },
    fix: 'none',
    equivalents: { trivy: ['DS-0031'], cis: ['4.10'] },
    references: ['https://cloud.google.com/docs/authentication/application-default-credentials#GAC', 'CIS Docker Benchmark 4.10'],
    example: {
      insecure: 'FROM python:3.12-slim\nCOPY credentials/ /app/credentials/\nENV GOOGLE_APPLICATION_CREDENTIALS=/app/credentials/key.json\n',
      secure: 'FROM python:3.12-slim\n# mounted at runtime, e.g. a Kubernetes secret volume at /var/secrets/google\nENV GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json\n',
    },
  },
  check(model, context) {
    const stage = finalStage(model);
    if (!stage) return;
    const copies = stage.instructions.filter((instruction) => !instruction.onbuild && (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && instruction.args.length >= 2);
    for (const copy of copies) {
      const destination = copy.args[copy.args.length - 1]!;
      const variable = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(destination.value);
      const name = variable?.[1] ?? variable?.[2];
      if (name && SECRET_FILE_VARIABLES.has(name)) {
        context.report({ messageId: 'destination', data: { keyword: copy.keyword, name }, range: destination.range });
      }
    }
    for (const instruction of stage.instructions) {
      if (instruction.onbuild || (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG')) continue;
      for (const property of instruction.properties) {
        if (!SECRET_FILE_VARIABLES.has(property.name) || !property.value || property.value.includes('$')) continue;
        // The program reads the file at runtime, from the final working directory.
        const path = resolve(workdirAt(stage, Number.POSITIVE_INFINITY), property.value);
        const copy = copies.find((candidate) => copiesTo(stage, candidate, path));
        if (!copy) continue;
        context.report({
          messageId: 'copied',
          data: { name: property.name, path: property.value, keyword: copy.keyword, line: model.lines.positionAt(copy.range.start).line + 1 },
          range: property.range,
          related: [{ range: copy.range, message: `\`${copy.keyword}\` puts \`${path}\` in the image here` }],
        });
      }
    }
  },
};

/** Variables that name a file holding a credential (trivy's list, plus the AWS credentials file). */
const SECRET_FILE_VARIABLES = new Set(['GOOGLE_APPLICATION_CREDENTIALS', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'HF_TOKEN_PATH']);

/** Whether `copy` writes the file at absolute `path`: its destination is that file, or a directory (other than `/`) holding it. */
function copiesTo(stage: Stage, copy: DockerInstruction, path: string): boolean {
  const written = copy.args[copy.args.length - 1]!.value;
  if (written.includes('$')) return false;
  const destination = resolve(workdirAt(stage, copy.range.start), written);
  if (destination === path) return true;
  return destination !== '/' && path.startsWith(`${destination.replace(/\/$/, '')}/`);
}

/** The working directory at `before` in `stage`: its `WORKDIR`s, after those of the stages it is built from. */
function workdirAt(stage: Stage, before: number): string {
  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage, guard = 0; current && guard < 64; current = current.baseStage, guard++) chain.unshift(current);
  let directory = '/';
  for (const current of chain) {
    for (const instruction of current.instructions) {
      if (current === stage && instruction.range.start >= before) break;
      if (instruction.keyword === 'WORKDIR' && !instruction.onbuild && instruction.args[0]) directory = resolve(directory, instruction.args[0].value);
    }
  }
  return directory;
}

/** Resolves `path` against `directory` and normalizes `.`, `..` and repeated slashes. */
function resolve(directory: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${directory}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

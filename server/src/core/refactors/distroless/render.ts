/**
 * Rendering of the runtime stage the distroless refactoring appends: the original stage's
 * metadata (`LABEL`, `ENV`, `WORKDIR`, `EXPOSE`, `STOPSIGNAL`), the copied artefacts, a non-root
 * `USER` and the start command in exec form.
 */
import type { DockerInstruction } from '../../dockerfile/model';
import { looksLikeSecretName } from '../../secrets/secret-names';
import type { StageFacts } from './facts';

/** `ENV` names only the build reads: not carried into the runtime stage. */
const BUILD_ONLY_ENV = /^(?:CGO_ENABLED|GOOS|GOARCH|GOARM|GOAMD64|GOFLAGS|GOPROXY|GOPRIVATE|GONOSUMDB|GOSUMDB|GO111MODULE|GOCACHE|GOMODCACHE|CARGO_\w+|RUSTFLAGS|RUSTUP_\w+|PIP_\w+|POETRY_\w+|npm_config_\w+|NPM_CONFIG_\w+|MAVEN_\w+|GRADLE_\w+|DEBIAN_FRONTEND)$/;

export interface RuntimeStage {
  readonly image: string;
  readonly buildStage: string;
  readonly copies: readonly string[];
  readonly env: readonly string[];
  readonly user: string;
  /** Start instructions, rendered. */
  readonly start: readonly string[];
}

/** JSON exec form: `["/app", "serve"]`. */
export function execForm(words: readonly string[]): string {
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}

/** The source text of an instruction (continuation lines included, in the file's line breaks). */
export function sourceOf(facts: StageFacts, instruction: DockerInstruction): string {
  return facts.model.text.slice(instruction.range.start, instruction.range.end);
}

/** The lines of the runtime stage, without line breaks between them. */
export function renderRuntimeStage(facts: StageFacts, runtime: RuntimeStage): string[] {
  const verbatim = (keyword: string) => facts.own.filter((instruction) => instruction.keyword === keyword).map((instruction) => sourceOf(facts, instruction));
  const labels = verbatim('LABEL');
  // Build-only settings stay in the build stage, and secrets are never carried into the runtime image.
  const envs = facts.own
    .filter(
      (instruction) =>
        instruction.keyword === 'ENV' &&
        !instruction.properties.every((property) => BUILD_ONLY_ENV.test(property.name)) &&
        !instruction.properties.some((property) => looksLikeSecretName(property.name)),
    )
    .map((instruction) => sourceOf(facts, instruction));
  const exposes = verbatim('EXPOSE');
  // ARGs the copied LABEL/ENV/EXPOSE values use must be declared in the new stage too.
  const uses = [...labels, ...envs, ...exposes].join('\n');
  const args = facts.own
    .filter(
      (instruction) =>
        instruction.keyword === 'ARG' &&
        !instruction.properties.some((property) => looksLikeSecretName(property.name)) &&
        instruction.properties.some((property) => refersTo(uses, property.name)),
    )
    .map((instruction) => sourceOf(facts, instruction));
  const from = `--from=${runtime.buildStage}`;
  return [
    `FROM ${runtime.image}`,
    ...args,
    ...labels,
    ...envs,
    ...runtime.env,
    ...(facts.workdir ? [`WORKDIR ${facts.workdir}`] : []),
    ...runtime.copies.map((path) => `COPY ${from} ${path} ${path}`),
    ...exposes,
    ...verbatim('STOPSIGNAL'),
    `USER ${runtime.user}`,
    ...runtime.start,
  ];
}

/**
 * Whether `text` uses the variable `name` (`$name`, `${name}`, `${name:-…}`). A plain search: an
 * ARG's name is whatever the Dockerfile says (`ARG SHELL ["/bin/sh"]` names `SHELL ["/bin/sh"]`),
 * and put into a regex it made an invalid one, or a catastrophically backtracking one.
 */
function refersTo(text: string, name: string): boolean {
  for (const reference of [`$${name}`, `\${${name}`]) {
    for (let at = text.indexOf(reference); at >= 0; at = text.indexOf(reference, at + 1)) {
      const next = text[at + reference.length];
      if (next === undefined || !/\w/.test(next)) return true;
    }
  }
  return false;
}

/**
 * `dockerfile/distroless`: a single-stage Dockerfile becomes a multi-stage build whose final
 * stage is a distroless image holding only the build's artefact, run as a non-root user. The
 * original stage is kept as it is (it gets the name `build`), and the runtime stage is appended,
 * so the edits are one insertion after the first image and one at the end of the file. An
 * already multi-stage Dockerfile gets only its final image swapped. When the start command needs
 * a shell, the same rewrite with an Alpine image (`dockerfile/alpine-nonroot`) is offered instead.
 *
 * Decisions:
 * - The runtime user is `65532` (distroless's `nonroot`, numeric so Kubernetes can verify
 *   `runAsNonRoot`); the Alpine variant uses `10001`, which needs no `/etc/passwd` entry.
 * - CA certificates and time zone data are never copied into a distroless stage: every
 *   distroless image ships both. Alpine ships CA certificates but no time zone data, so the
 *   Alpine variant copies `/usr/share/zoneinfo` when the original installed `tzdata`.
 * - Artefacts are copied to the path they had in the build stage, so the start command and
 *   `WORKDIR` keep their meaning; the program word becomes the artefact's absolute path.
 * - For interpreted stacks the distroless image's own ENTRYPOINT is the interpreter, so a
 *   `CMD`-only original becomes an `ENTRYPOINT` naming the interpreter by its path.
 * - Node: production dependencies only. If nothing after `npm ci`/`npm install` runs a build
 *   (`npm run …`, `npx …`), the install gets `--omit=dev`; otherwise the build needs the dev
 *   dependencies and `RUN npm prune --omit=dev` is appended to the build stage.
 * - Python: only 3.11 images (the distroless image's Python), with a venv or `pip install
 *   --target`; the packages are found through `PYTHONPATH`.
 * - Java: distroless has Java 17 and 21; the jar given to `java -jar` is copied.
 * - Stages that install OS libraries besides build tools (`libpq-dev`) are not rewritten for
 *   dynamically linked programs: the library would be missing at run time.
 * - `ENV` and `ARG` with secret-looking names, and build-only settings (`CGO_ENABLED`,
 *   `PIP_*`, …), are not carried into the runtime stage.
 * - A stage with a `HEALTHCHECK` command is not rewritten (the runtime images have no curl or
 *   shell to run it), nor is an already multi-stage file whose final stage has `RUN` commands
 *   (the Alpine swap allows plain file commands: `mkdir`, `chmod`, `ln`, …).
 */
import type { TextEdit } from '../engine/types';
import { baseName } from '../dockerfile/shell';
import type { DockerfileModel, DockerInstruction, Stage } from '../dockerfile/model';
import { lineStartOf } from '../dockerfile/run-edits';
import { factsOf, type StageFacts } from './distroless/facts';
import { execForm, renderRuntimeStage } from './distroless/render';
import { ALPINE, detectStack, DISTROLESS_NODE_MAJORS, installsTzdata, javaMajor, needsRuntimeLibraries, STATIC, type Stack } from './distroless/stack';
import type { RefactorOffer, Refactoring } from './refactoring';
import { nonMinimalFinalImage } from '../rules/dockerfile/non-minimal-final-image';
import { userRoot } from '../rules/dockerfile/user-root';

export const DISTROLESS_ID = 'dockerfile/distroless';
export const ALPINE_ID = 'dockerfile/alpine-nonroot';
const RESOLVES = [nonMinimalFinalImage.meta.id, userRoot.meta.id];
const DISTROLESS_USER = '65532';
const ALPINE_USER = '10001';
/** A path the rendered COPY and exec form can hold as it is. */
const PLAIN_PATH = /^\/[A-Za-z0-9_./@+-]*$/;

export const dockerfileDistroless: Refactoring<DockerfileModel> = {
  id: DISTROLESS_ID,
  description:
    'Dockerfile → multi-stage build with a distroless final stage: the original stage becomes the build stage, and a final stage on a distroless image copies only the artefact and runs it as a non-root user (an Alpine image when the start command needs a shell).',
  offers(model) {
    if (model.stages.length === 0 || model.instructions.some((instruction) => instruction.onbuild || instruction.keyword === 'ONBUILD')) return [];
    const offer = model.stages.length === 1 ? singleStage(model, model.stages[0]!) : finalStageSwap(model, model.stages[model.stages.length - 1]!);
    return offer ? [offer] : [];
  },
};

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function offerOf(model: DockerfileModel, variant: 'distroless' | 'alpine', image: string, edits: TextEdit[]): RefactorOffer {
  return {
    id: variant === 'distroless' ? DISTROLESS_ID : ALPINE_ID,
    title: variant === 'distroless'
      ? `Convert to a multi-stage build with a distroless final stage (${image})`
      : `Convert to a multi-stage build with a final stage on ${image} as a non-root user`,
    range: { start: 0, end: model.text.length },
    resolves: RESOLVES,
    edits,
    safe: false,
  };
}

function singleStage(model: DockerfileModel, stage: Stage): RefactorOffer | undefined {
  if (stage.baseStage || stage.image.unresolved || stage.image.isScratch) return undefined;
  const facts = factsOf(model, stage);
  const stack = detectStack(facts);
  const entry = facts.entry;
  if (!stack || !entry || hasHealthcheckCommand(facts)) return undefined;
  const imageWord = stage.from.args[0];
  if (!imageWord) return undefined;
  // `FROM image AS name`: keep the name; `FROM image` gets ` AS build`.
  const named = stage.nameRange !== undefined;
  if (!named && stage.from.args.length > 1) return undefined;
  const buildStage = named ? model.text.slice(stage.nameRange!.start, stage.nameRange!.end) : 'build';

  let variant: 'distroless' | 'alpine';
  let image: string;
  let user: string;
  let copies: readonly string[];
  let start: string[];
  if (!entry.needsShell && stack.distroless) {
    const plan = startOf(stack, entry.entrypoint, entry.cmd, 'distroless');
    if (!plan) return undefined;
    ({ copies, start } = plan);
    variant = 'distroless';
    image = stack.distroless;
    user = DISTROLESS_USER;
  } else if (stack.alpine && !entry.entrypoint?.words?.[0]?.endsWith('.sh') && !entry.cmd?.words?.[0]?.endsWith('.sh')) {
    if (entry.needsShell) {
      const found = stack.shellCopies(shellScriptOf(model, entry.entrypoint ?? entry.cmd), (entry.entrypoint ?? entry.cmd)?.cwd);
      if (!found || found.length === 0) return undefined;
      copies = found;
      // A shell reads the start command: the original instructions are kept as written.
      start = [entry.entrypoint, entry.cmd]
        .filter((argv) => argv !== undefined)
        .sort((a, b) => a.instruction.range.start - b.instruction.range.start)
        .map((argv) => model.text.slice(argv.instruction.range.start, argv.instruction.range.end));
    } else {
      const plan = startOf(stack, entry.entrypoint, entry.cmd, 'alpine');
      if (!plan) return undefined;
      ({ copies, start } = plan);
    }
    if (installsTzdata(facts)) copies = [...copies, '/usr/share/zoneinfo'];
    variant = 'alpine';
    image = stack.alpine;
    user = ALPINE_USER;
  } else {
    return undefined;
  }
  if (!copies.every((path) => PLAIN_PATH.test(path))) return undefined;

  const eol = eolOf(model.text);
  const lines = renderRuntimeStage(facts, { image, buildStage, copies: [...new Set(copies)], env: variant === 'distroless' ? stack.env : [], user, start });
  const text = model.text;
  const endsWithBreak = text.length === 0 || text.endsWith('\n');
  const edits: TextEdit[] = [...(variant === 'distroless' ? stack.buildEdits : [])];
  // Instructions added to the build stage go after its last RUN (or at its end).
  let tail = variant === 'distroless' ? stack.buildTail.map((line) => line + eol).join('') : '';
  const lastRun = facts.own.filter((instruction) => instruction.keyword === 'RUN').pop();
  const afterLastRun = lastRun ? text.indexOf('\n', lastRun.range.end) + 1 : 0;
  if (tail && afterLastRun > 0 && afterLastRun < text.length) {
    edits.push({ start: afterLastRun, end: afterLastRun, newText: tail });
    tail = '';
  }
  const appended = (endsWithBreak ? '' : eol) + tail + (text.endsWith(`\n${eol}`) || text.endsWith('\n\n') ? '' : eol) + lines.map((line) => line + eol).join('');
  if (!named) edits.push({ start: imageWord.range.end, end: imageWord.range.end, newText: ' AS build' });
  edits.push({ start: text.length, end: text.length, newText: appended });
  return offerOf(model, variant, image, edits);
}

/**
 * A `HEALTHCHECK CMD …` usually runs curl, wget or a shell, which the runtime images lack:
 * dropping or breaking it would be a silent loss, so such files are not rewritten.
 */
function hasHealthcheckCommand(facts: StageFacts): boolean {
  return facts.own.some((instruction) => instruction.keyword === 'HEALTHCHECK' && instruction.args[0]?.value.toUpperCase() !== 'NONE');
}

interface Argv {
  readonly instruction: DockerInstruction;
  readonly words: readonly string[] | undefined;
  readonly cwd: string | undefined;
}

/**
 * The start of the runtime stage in exec form, with the program resolved to the copied
 * artefact. On distroless an interpreter is named by its path (and a CMD-only start becomes the
 * ENTRYPOINT, which the image sets to the interpreter); on Alpine the interpreter's name is kept.
 */
function startOf(stack: Stack, entrypoint: Argv | undefined, cmd: Argv | undefined, variant: 'distroless' | 'alpine'): { copies: readonly string[]; start: string[] } | undefined {
  // The program is the entrypoint's first word, or the command's when there is no entrypoint.
  const head = entrypoint ?? cmd;
  if (!head?.words || head.words.length === 0) return undefined;
  const resolved = stack.resolve(head.words, head.cwd);
  if (!resolved) return undefined;
  const words = variant === 'alpine' && stack.interpreter ? head.words : resolved.words;
  const start: string[] = [];
  if (entrypoint) {
    start.push(`ENTRYPOINT ${execForm(words)}`);
    // A shell-form ENTRYPOINT ignored CMD; exec form passes it as arguments.
    if (cmd?.words && entrypoint.instruction.execForm) start.push(`CMD ${execForm(cmd.words)}`);
  } else {
    start.push(`${stack.interpreter && variant === 'distroless' ? 'ENTRYPOINT' : 'CMD'} ${execForm(words)}`);
  }
  return { copies: resolved.copies, start };
}

/** The script a shell runs at start: the `-c` argument of `sh -c`, or the shell-form text. */
function shellScriptOf(model: DockerfileModel, argv: Argv | undefined): string {
  if (!argv) return '';
  const { instruction } = argv;
  if (instruction.execForm) {
    const values = instruction.args.map((arg) => arg.value);
    const dashC = values.findIndex((value) => /^-[a-z]*c[a-z]*$/.test(value));
    return dashC >= 0 ? (values[dashC + 1] ?? '') : values.join(' ');
  }
  const first = instruction.args[0];
  const last = instruction.args[instruction.args.length - 1];
  return first && last ? model.text.slice(first.range.start, last.range.end) : '';
}

/**
 * A multi-stage Dockerfile keeps its stages; only the final stage's image becomes the runtime
 * image, its `USER` non-root, and its start command exec form naming the runtime's interpreter.
 */
function finalStageSwap(model: DockerfileModel, stage: Stage): RefactorOffer | undefined {
  if (stage.baseStage || stage.image.unresolved || stage.image.isScratch) return undefined;
  const facts = factsOf(model, stage);
  const entry = facts.entry;
  if (!entry || hasHealthcheckCommand(facts)) return undefined;
  const builders = model.stages.filter((other) => other.index < stage.index).map((other) => factsOf(model, other));
  const runtime = swapRuntime(facts, builders);
  if (!runtime) return undefined;
  // Named owners (`--chown=app`) do not exist in the runtime image.
  const namedOwner = facts.own.some((instruction) => instruction.flags.some((flag) => (flag.name === 'chown') && !/^\d+(?::\d+)?$/.test(flag.value ?? '')));
  if (namedOwner) return undefined;
  const runs = facts.own.filter((instruction) => instruction.keyword === 'RUN');
  const edits: TextEdit[] = [{ ...stage.image.range, newText: '' }];
  let variant: 'distroless' | 'alpine';
  let image: string;
  let user: string;
  if (!entry.needsShell && runtime.distroless && runs.length === 0) {
    const startEdits = swapStartEdits(runtime, entry.entrypoint, entry.cmd);
    if (!startEdits) return undefined;
    edits.push(...startEdits);
    variant = 'distroless';
    image = runtime.distroless;
    user = DISTROLESS_USER;
  } else if (runtime.alpine && runs.every((run) => onlyFileCommands(facts, run)) && !entry.entrypoint?.words?.[0]?.endsWith('.sh') && !entry.cmd?.words?.[0]?.endsWith('.sh')) {
    variant = 'alpine';
    image = runtime.alpine;
    user = ALPINE_USER;
  } else {
    return undefined;
  }
  edits[0] = { ...stage.image.range, newText: image };
  edits.push(...userEdits(model, facts, user));
  return offerOf(model, variant, image, edits);
}

interface SwapRuntime {
  readonly distroless: string | undefined;
  readonly alpine: string | undefined;
  readonly interpreter: string | undefined;
  readonly interpreterNames: readonly string[];
}

/** The runtime image for the final stage, from the image it runs on and what the earlier stages build. */
function swapRuntime(facts: StageFacts, builders: readonly StageFacts[]): SwapRuntime | undefined {
  const compiled = (stack: Stack | undefined) => stack?.distroless ?? undefined;
  const { repository, tag } = facts;
  const stacks = builders.map(detectStack).filter((stack): stack is Stack => stack !== undefined);
  if (repository === 'golang' || repository === 'rust' || repository === 'gcc') {
    const name = repository === 'golang' ? 'go' : repository === 'rust' ? 'rust' : 'c';
    const built = stacks.filter((stack) => stack.name === name);
    if (built.length === 0) return undefined;
    const images = new Set(built.map(compiled));
    if (images.size !== 1 || images.has(undefined)) return undefined;
    const distroless = [...images][0]!;
    return { distroless, alpine: distroless === STATIC ? ALPINE : undefined, interpreter: undefined, interpreterNames: [] };
  }
  if (['eclipse-temurin', 'openjdk', 'amazoncorretto'].includes(repository)) {
    const major = javaMajor(repository, tag);
    if (major === undefined) return undefined;
    return {
      distroless: major === 17 || major === 21 ? `gcr.io/distroless/java${major}-debian12:nonroot` : undefined,
      alpine: [8, 11, 17, 21].includes(major) ? `eclipse-temurin:${major}-jre-alpine` : undefined,
      interpreter: '/usr/bin/java',
      interpreterNames: ['java'],
    };
  }
  if (repository === 'node') {
    const major = /^(\d+)(?![\d])/.exec(tag);
    // node_modules built on Alpine (musl) would not load on a glibc image.
    const alpineBuild = builders.some((builder) => builder.repository === 'node' && /(?:^|[-.])alpine/.test(builder.tag));
    if (!major || /(?:^|[-.])alpine/.test(tag) || alpineBuild || !DISTROLESS_NODE_MAJORS.includes(Number(major[1])) || needsRuntimeLibraries(facts)) return undefined;
    return { distroless: `gcr.io/distroless/nodejs${major[1]}-debian12:nonroot`, alpine: undefined, interpreter: '/nodejs/bin/node', interpreterNames: ['node', 'nodejs'] };
  }
  return undefined;
}

/** Edits that make the final stage's start command exec form and name the interpreter by its distroless path. */
function swapStartEdits(runtime: SwapRuntime, entrypoint: Argv | undefined, cmd: Argv | undefined): TextEdit[] | undefined {
  const head = entrypoint ?? cmd;
  if (!head?.words || head.words.length === 0) return undefined;
  const edits: TextEdit[] = [];
  let words = [...head.words];
  if (runtime.interpreter) {
    if (!runtime.interpreterNames.includes(baseName(words[0]!))) return undefined;
    words = [runtime.interpreter, ...words.slice(1)];
    // The distroless image's ENTRYPOINT is the interpreter: a CMD alone would be its argument.
    if (!entrypoint) edits.push({ ...head.instruction.keywordRange, newText: 'ENTRYPOINT' });
  }
  const changed = words.some((word, index) => word !== head.words![index]);
  const first = head.instruction.args[0]!;
  const last = head.instruction.args[head.instruction.args.length - 1]!;
  if (!head.instruction.execForm) edits.push({ start: first.range.start, end: last.range.end, newText: execForm(words) });
  else if (changed) edits.push({ ...first.range, newText: JSON.stringify(words[0]) });
  // A shell-form CMD after an exec-form ENTRYPOINT is its argument list: exec form too.
  if (entrypoint && cmd?.words && !cmd.instruction.execForm && entrypoint.instruction.execForm) {
    const cmdFirst = cmd.instruction.args[0]!;
    const cmdLast = cmd.instruction.args[cmd.instruction.args.length - 1]!;
    edits.push({ start: cmdFirst.range.start, end: cmdLast.range.end, newText: execForm(cmd.words) });
  }
  return edits;
}

/** Commands a runtime stage on Alpine can still run (no package manager of another distribution). */
const FILE_COMMANDS = new Set(['mkdir', 'chmod', 'chown', 'ln', 'rm', 'cp', 'mv', 'touch', 'true']);

function onlyFileCommands(facts: StageFacts, run: DockerInstruction): boolean {
  const commands = facts.runs.filter((command) => command.instruction === run);
  return (run.shell?.commands.length ?? 0) > 0 && commands.every((command) => FILE_COMMANDS.has(command.name) && !(command.name === 'chown' && !/^\d+(?::\d+)?$/.test(command.args.find((arg) => !arg?.startsWith('-')) ?? '')));
}

/** Every `USER` of the final stage becomes `user` unless already a non-root UID; without one, `USER user` goes before the start command. */
function userEdits(model: DockerfileModel, facts: StageFacts, user: string): TextEdit[] {
  const users = facts.own.filter((instruction) => instruction.keyword === 'USER' && instruction.args[0]);
  if (users.length > 0) {
    return users
      .filter((instruction) => !/^[1-9]\d*(?::\d+)?$/.test(instruction.args[0]!.value) || instruction.args.length > 1)
      .map((instruction) => ({ start: instruction.args[0]!.range.start, end: instruction.args[instruction.args.length - 1]!.range.end, newText: user }));
  }
  const eol = eolOf(model.text);
  const text = model.text;
  const startInstruction = facts.own.find((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT');
  if (startInstruction) {
    const lineStart = lineStartOf(text, startInstruction.range.start);
    return [{ start: lineStart, end: lineStart, newText: `USER ${user}${eol}` }];
  }
  return [];
}

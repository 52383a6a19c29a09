import { finalStage, substituteArgs, type DockerfileModel, type DockerInstruction, type Stage } from '../../dockerfile/model';
import { baseName, unwrapCommand, type ShellCommand } from '../../dockerfile/shell';
import { repositoryName } from '../../images/repository-name';
import type { RelatedLocation } from '../../engine/types';
import type { DockerfileRule } from '../define';

type Kind = 'toolchain' | 'os';

interface Family {
  readonly kind: Kind;
  /** True when the tag names a runtime-only or slim variant of this image. */
  readonly minimal?: (tag: string) => boolean;
  /** What to run on instead. */
  readonly instead: string;
}

const slimOrAlpine = (tag: string) => /(?:^|[-.])(?:slim|alpine)/.test(tag);
const jre = (tag: string) => /(?:^|[-_.])jre(?=$|[-_.\d])/.test(tag);

const STATIC_RUNTIME = '`gcr.io/distroless/static-debian12:nonroot` (or `scratch`)';
const CC_RUNTIME = '`gcr.io/distroless/cc-debian12:nonroot`';
const JAVA_RUNTIME = 'a JRE image (`eclipse-temurin:<version>-jre`) or `gcr.io/distroless/java21-debian12:nonroot`';

const FAMILIES: Readonly<Record<string, Family>> = {
  golang: { kind: 'toolchain', instead: STATIC_RUNTIME },
  rust: { kind: 'toolchain', instead: `${CC_RUNTIME}, or ${STATIC_RUNTIME} for a musl build` },
  gcc: { kind: 'toolchain', instead: CC_RUNTIME },
  'buildpack-deps': { kind: 'toolchain', instead: '`debian:<release>-slim` or a distroless image' },
  maven: { kind: 'toolchain', instead: JAVA_RUNTIME },
  gradle: { kind: 'toolchain', instead: JAVA_RUNTIME },
  openjdk: { kind: 'toolchain', minimal: jre, instead: JAVA_RUNTIME },
  'eclipse-temurin': { kind: 'toolchain', minimal: jre, instead: JAVA_RUNTIME },
  amazoncorretto: { kind: 'toolchain', minimal: jre, instead: JAVA_RUNTIME },
  node: { kind: 'toolchain', minimal: slimOrAlpine, instead: '`node:<version>-slim`, `node:<version>-alpine` or `gcr.io/distroless/nodejs22-debian12:nonroot`' },
  python: { kind: 'toolchain', minimal: slimOrAlpine, instead: '`python:<version>-slim` or `python:<version>-alpine`' },
  ruby: { kind: 'toolchain', minimal: slimOrAlpine, instead: '`ruby:<version>-slim` or `ruby:<version>-alpine`' },
  'mcr.microsoft.com/dotnet/sdk': { kind: 'toolchain', instead: '`mcr.microsoft.com/dotnet/aspnet` or `mcr.microsoft.com/dotnet/runtime-deps` (chiseled variants are smaller still)' },
  ubuntu: { kind: 'os', instead: 'a distroless image or `debian:<release>-slim`' },
  debian: { kind: 'os', minimal: (tag) => /(?:^|-)slim(?=$|-)/.test(tag), instead: '`debian:<release>-slim` or a distroless image' },
  fedora: { kind: 'os', instead: 'a distroless or `-minimal` image' },
  centos: { kind: 'os', instead: 'a distroless or `-minimal` image' },
  rockylinux: { kind: 'os', minimal: (tag) => /minimal|micro/.test(tag), instead: '`rockylinux:<version>-minimal` or a distroless image' },
  almalinux: { kind: 'os', minimal: (tag) => /minimal|micro/.test(tag), instead: '`almalinux:<version>-minimal` or a distroless image' },
};

export const nonMinimalFinalImage: DockerfileRule = {
  meta: {
    id: 'dockerfile/non-minimal-final-image',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'The final image is built on a full OS or SDK image although the build happens elsewhere',
    rationale:
      'Everything in the final image is attack surface and patch load: a compiler, a package manager, `git`, `curl` and a shell are exactly what an attacker who gets code execution wants, and every package brings CVEs your scanner will report. When an earlier stage does the build, or the program is a static binary, the final stage needs none of it. ' +
      'The rule looks at the image the final stage is built on (following `FROM <stage>`) and reports it when the Dockerfile has a build stage (two or more stages) or the final stage builds a static binary itself (`CGO_ENABLED=0 go build`, `cargo build` for a `musl` target). Toolchain images (`golang`, `rust`, `gcc`, `maven`, `gradle`, JDK images of `openjdk`/`eclipse-temurin`/`amazoncorretto`, the full `node`/`python`/`ruby` images, `buildpack-deps`, `dotnet/sdk`) are warnings; full distribution images (`ubuntu`, non-slim `debian`, `fedora`, `centos`, non-minimal `rockylinux`/`almalinux`) are info. Slim, Alpine, JRE and distroless images pass.',
    remediation:
      'Build in one stage and copy only the artefacts into a minimal runtime stage: `scratch` or `gcr.io/distroless/static-debian12:nonroot` for static binaries, a distroless or `-slim` image for interpreted languages, a JRE image for Java. A single-stage Dockerfile that compiles a static binary becomes two stages.',
    messages: {
      toolchain:
        'The final stage runs on `{image}`, a build toolchain image (compilers and package managers included), although {reason}. Copy the artefacts into a minimal runtime image such as {instead}.',
      os: 'The final stage runs on `{image}`, a full operating-system image, although {reason}. A smaller runtime image such as {instead} ships fewer packages to patch and to exploit.',
    },
    fix: 'none',
    equivalents: { cis: ['4.3'] },
    references: [
      'https://docs.docker.com/build/building/multi-stage/',
      'https://github.com/GoogleContainerTools/distroless',
      'CIS Docker Benchmark 4.3 (do not install unnecessary packages in the container)',
    ],
    example: {
      insecure: 'FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM golang:1.26\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      secure: 'FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    },
  },
  check(model, context) {
    const stage = finalStage(model);
    if (!stage) return;
    const root = rootStage(stage);
    const { image } = root;
    // A `$` left after substitution is an ARG default naming another ARG: not judged.
    if (image.written === '' || image.isScratch || image.unresolved || image.resolved.includes('$') || image.isStageReference) return;
    const repository = repositoryName(image);
    const family = Object.hasOwn(FAMILIES, repository) ? FAMILIES[repository] : undefined;
    if (!family || family.minimal?.(image.tag?.toLowerCase() ?? '')) return;
    const reason = model.stages.length >= 2 ? 'an earlier stage does the build' : staticBuildIn(model, stage);
    if (!reason) return;
    const related: RelatedLocation[] = root === stage ? [] : [{ range: image.range, message: `Stage \`${root.name ?? root.index}\` is built on \`${image.resolved}\`` }];
    context.report({
      messageId: family.kind,
      data: { image: image.resolved, reason, instead: family.instead },
      range: stage.image.range,
      ...(family.kind === 'os' ? { severity: 'info' as const } : {}),
      ...(related.length ? { related } : {}),
    });
  },
};

function rootStage(stage: Stage): Stage {
  let root = stage;
  for (let guard = 0; root.baseStage && guard < 64; guard++) root = root.baseStage;
  return root;
}

/** Why a single stage produces a static binary, or undefined. */
function staticBuildIn(model: DockerfileModel, stage: Stage): string | undefined {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'RUN' || instruction.onbuild) continue;
    const commands = instruction.shell?.commands ?? [];
    for (const command of commands) {
      const inner = unwrapCommand(command);
      const name = inner.name ? baseName(inner.name) : undefined;
      const subcommand = inner.args[0]?.value;
      if (name === 'go' && subcommand === 'build' && cgoDisabled(model, stage, instruction, command, commands)) {
        return 'it builds a static binary (`CGO_ENABLED=0 go build`)';
      }
      if (name === 'cargo' && subcommand === 'build' && targetsMusl(inner)) {
        return 'it builds a static binary (`cargo build` for a musl target)';
      }
    }
  }
  return undefined;
}

const CGO_OFF = /^CGO_ENABLED=0$/;

/** `CGO_ENABLED=0` on the command (or its `env` wrapper), exported earlier in the RUN, or set by `ENV`/`ARG` before it. */
function cgoDisabled(
  model: DockerfileModel,
  stage: Stage,
  instruction: DockerInstruction,
  command: ShellCommand,
  commands: readonly ShellCommand[],
): boolean {
  if (command.assignments.some((assignment) => assignment.name === 'CGO_ENABLED' && assignment.value?.value === '0')) return true;
  if (command.args.some((arg) => CGO_OFF.test(arg.value ?? ''))) return true;
  // `export CGO_ENABLED=0` parses as a declaration: its pairs are assignments.
  const exported = commands.some(
    (other) =>
      other.range.start < command.range.start &&
      other.name === 'export' &&
      (other.assignments.some((assignment) => assignment.name === 'CGO_ENABLED' && assignment.value?.value === '0') || other.args.some((arg) => CGO_OFF.test(arg.value ?? ''))),
  );
  if (exported) return true;
  let value: string | undefined;
  for (const earlier of stage.instructions) {
    if (earlier.range.start >= instruction.range.start) break;
    if (earlier.onbuild || (earlier.keyword !== 'ENV' && earlier.keyword !== 'ARG')) continue;
    for (const property of earlier.properties) {
      if (property.name !== 'CGO_ENABLED') continue;
      const raw = property.value ?? (earlier.keyword === 'ARG' ? model.globalArgs.get('CGO_ENABLED') : undefined);
      value = raw === undefined ? undefined : substituteArgs(raw.replace(/^["']|["']$/g, ''), model.globalArgs).value;
    }
  }
  return value === '0';
}

function targetsMusl(command: ShellCommand): boolean {
  return command.args.some((arg, index) => {
    const value = arg.value ?? '';
    if (value.startsWith('--target=')) return value.includes('musl');
    return value === '--target' && (command.args[index + 1]?.value ?? '').includes('musl');
  });
}

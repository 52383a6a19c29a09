import { substituteArgs, type DockerfileModel, type DockerFlag } from '../../dockerfile/model';
import { isTrustedRegistry, normaliseTrustedRegistries, registryOfImage } from '../../images/trusted-registries';
import type { OffsetRange } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const fromUntrustedRegistry: DockerfileRule = {
  meta: {
    id: 'dockerfile/from-untrusted-registry',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'An image comes from a registry outside the trusted list',
    rationale:
      'Whatever a build pulls runs with full control over what ends up in your image. When your organisation vets images into a few registries (a mirror, a hardened catalogue), an image pulled from anywhere else bypasses that review, and a typo-squatted or hijacked repository can slip in. ' +
      'The rule is active only when trusted registries are configured (`bulkhead.trustedRegistries` in VS Code, `trustedRegistries` in `.bulkhead.yaml`). It checks every `FROM`, `COPY --from=<image>` and `RUN --mount=…,from=<image>` (build stages and stage numbers are not images). An image without a registry comes from Docker Hub, `docker.io` (`hub.docker.com` and `index.docker.io` mean the same). Entries match as in hadolint: exactly, `*.example.com` matches any registry ending in `.example.com`, `registry*` any registry starting with `registry`, and `*` matches all. Registry names compare case-insensitively. References a build argument without a default decides are skipped.',
    remediation:
      'Pull the image through a trusted registry (e.g. your mirror: `FROM registry.example.com/library/node:22-alpine`), or, if the registry is in fact trusted, add it to `trustedRegistries`.',
    messages: {
      from: 'Base image `{image}` comes from `{registry}`, which is not a trusted registry ({trusted}). Pull it through a trusted registry.',
      copyFrom: '`COPY --from` image `{image}` comes from `{registry}`, which is not a trusted registry ({trusted}). Pull it through a trusted registry.',
      mountFrom: '`RUN --mount` image `{image}` comes from `{registry}`, which is not a trusted registry ({trusted}). Pull it through a trusted registry.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3026'], cis: ['4.2'] },
    references: [
      'https://github.com/hadolint/hadolint/wiki/DL3026',
      'https://docs.docker.com/reference/dockerfile/#from',
      'CIS Docker Benchmark 4.2',
    ],
    example: {
      insecure: '# trustedRegistries: ["registry.example.com"]\nFROM quay.io/someone/tool:1.4 AS tool\nFROM node:22-alpine\n',
      secure: '# trustedRegistries: ["registry.example.com"]\nFROM registry.example.com/someone/tool:1.4 AS tool\nFROM registry.example.com/library/node:22-alpine\n',
    },
  },
  check(model, context) {
    const trusted = normaliseTrustedRegistries(context.options.trustedRegistries);
    if (trusted.length === 0) return;
    const trustedList = trusted.map((entry) => `\`${entry}\``).join(', ');
    const judge = (messageId: 'from' | 'copyFrom' | 'mountFrom', reference: string, range: OffsetRange) => {
      const registry = registryOf(reference);
      if (registry === undefined || isTrustedRegistry(registry, trusted)) return;
      context.report({ messageId, data: { image: reference, registry, trusted: trustedList }, range });
    };

    for (const stage of model.stages) {
      const { image } = stage;
      if (image.written === '' || image.isStageReference || image.isScratch) continue;
      judge('from', image.unresolved ? image.written : image.resolved, image.range);
    }

    const stageNames = new Set(model.stages.flatMap((stage) => (stage.name ? [stage.name] : [])));
    for (const instruction of model.instructions) {
      // `ONBUILD COPY --from=x` names a stage or image of someone else's build.
      if (instruction.onbuild || !instruction.stage) continue;
      if (instruction.keyword === 'COPY') {
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'from') continue;
          const value = flagValue(model, flag);
          if (value && isImage(value.text, stageNames)) judge('copyFrom', value.text, value.range);
        }
      } else if (instruction.keyword === 'RUN') {
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'mount') continue;
          const from = mountFrom(model, flag);
          if (from && isImage(from.text, stageNames)) judge('mountFrom', from.text, from.range);
        }
      }
    }
  },
};

interface Located {
  readonly text: string;
  readonly range: OffsetRange;
}

/** A flag's value without surrounding quotes, with build arguments substituted. */
function flagValue(model: DockerfileModel, flag: DockerFlag): Located | undefined {
  if (!flag.valueRange) return undefined;
  return resolved(model, unquote(model.text, flag.valueRange));
}

/** The `from=` field of `--mount=type=cache,target=/x,from=image` (CSV fields, optionally quoted). */
function mountFrom(model: DockerfileModel, flag: DockerFlag): Located | undefined {
  if (!flag.valueRange) return undefined;
  const value = unquote(model.text, flag.valueRange);
  let start = value.range.start;
  for (const field of value.text.split(',')) {
    const fieldRange = unquote(model.text, { start, end: start + field.length });
    start += field.length + 1;
    const equals = fieldRange.text.indexOf('=');
    if (equals < 0 || fieldRange.text.slice(0, equals).trim().toLowerCase() !== 'from') continue;
    const valueStart = fieldRange.range.start + equals + 1;
    return resolved(model, unquote(model.text, { start: valueStart, end: fieldRange.range.end }));
  }
  return undefined;
}

function unquote(text: string, range: OffsetRange): Located {
  const raw = text.slice(range.start, range.end);
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    return { text: raw.slice(1, -1), range: { start: range.start + 1, end: range.end - 1 } };
  }
  return { text: raw, range };
}

/** Substitutes global `ARG` defaults; undefined when a build argument without a default decides the value. */
function resolved(model: DockerfileModel, value: Located): Located | undefined {
  if (!value.text.includes('$')) return value.text === '' ? undefined : value;
  const substituted = substituteArgs(value.text, model.globalArgs);
  return substituted.complete && substituted.value !== '' ? { text: substituted.value, range: value.range } : undefined;
}

/** Stage names (any case) and stage numbers are not images. */
function isImage(value: string, stageNames: ReadonlySet<string>): boolean {
  return !/^\d+$/.test(value) && !stageNames.has(value.toLowerCase()) && value.toLowerCase() !== 'scratch';
}

/** The registry of a reference (`docker.io` when it names none), or undefined when a variable decides it. */
function registryOf(reference: string): string | undefined {
  const slash = reference.indexOf('/');
  const head = slash < 0 ? reference.split(/[:@]/)[0]! : reference.slice(0, slash);
  return head.includes('$') ? undefined : registryOfImage(reference);
}

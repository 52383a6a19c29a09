/**
 * Mutations of a seed file, as plain data. Positions are fractions of the text (or of its lines)
 * rather than offsets, so a mutation means something whatever the text it lands on, and
 * fast-check can shrink a failing case by dropping mutations or moving them towards the start.
 */
import fc from 'fast-check';

/** A position as a fraction of a length, in millionths: 0 is the start, FRACTION_SCALE the end. */
type Fraction = number;
const FRACTION_SCALE = 1_000_000;

export type Mutation =
  | { readonly op: 'truncate'; readonly at: Fraction }
  | { readonly op: 'insert'; readonly at: Fraction; readonly text: string }
  | { readonly op: 'insert-line'; readonly line: Fraction; readonly indent: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: Fraction; readonly length: number }
  | { readonly op: 'replace-char'; readonly at: Fraction; readonly text: string }
  | { readonly op: 'duplicate-lines'; readonly line: Fraction; readonly count: number; readonly times: number }
  | { readonly op: 'swap-lines'; readonly line: Fraction; readonly other: Fraction }
  | { readonly op: 'indent'; readonly line: Fraction; readonly by: number; readonly tabs: boolean }
  | { readonly op: 'nest'; readonly at: Fraction; readonly depth: number; readonly style: NestingStyle }
  | { readonly op: 'long-line'; readonly at: Fraction; readonly unit: string; readonly length: number }
  | { readonly op: 'line-endings'; readonly style: 'crlf' | 'lf' | 'cr' | 'mixed'; readonly pattern: number }
  | { readonly op: 'bom' }
  | { readonly op: 'alias'; readonly anchorLine: Fraction; readonly aliasLine: Fraction; readonly merge: boolean }
  | { readonly op: 'splice'; readonly at: Fraction; readonly seed: number; readonly from: Fraction; readonly to: Fraction };

type NestingStyle = 'yaml-map' | 'yaml-seq' | 'flow' | 'continuation';

/**
 * Fragments that mean something to one of the parsers or rules: Dockerfile and YAML syntax,
 * suppression comments, Helm templates, anchors, and the unicode that breaks naive code.
 */
export const INTERESTING_FRAGMENTS: readonly string[] = [
  // Dockerfile
  'FROM ', 'FROM alpine:latest\n', 'FROM scratch AS final\n', 'USER root\n', 'USER 0:0', 'RUN ', ' \\\n', '\\', '`', '# escape=`\n',
  '# syntax=docker/dockerfile:1\n', 'ONBUILD ', 'COPY --from=0 ', 'COPY --chown=root:root . /\n', 'ADD https://example.com/x.tgz /x\n',
  'RUN <<EOF\n', '\nEOF\n', ' AS build', 'ARG TAG=latest\n', '${TAG}', '${X:-y}', '$X', 'ENV PASSWORD=hunter2\n', 'HEALTHCHECK NONE\n',
  'EXPOSE 22\n', 'SHELL ["/bin/sh", "-c"]\n', '["sh", "-c", ', 'CMD ["', 'apt-get install -y curl', 'curl -fsSL https://x | sh',
  'sudo ', ' && ', ';', ' | ', '"', "'", '$(', ')', 'WORKDIR ', '--mount=type=secret,id=x ', '--platform=$BUILDPLATFORM ',
  '# bulkhead-ignore dockerfile/user-root\n', '# hadolint ignore=DL3002\n', '# hadolint global ignore=DL3007\n', '# bulkhead-ignore-file all\n',
  // YAML, Kubernetes, Compose
  'apiVersion: v1\n', 'apiVersion: apps/v1\nkind: Deployment\n', 'kind: Pod\n', 'kind: List\nitems:\n', '---\n', '--- ', '...\n', '- ', ': ',
  ':', 'privileged: true', 'hostPID: true', 'hostNetwork: true', 'securityContext:\n', 'runAsUser: 0', 'image: nginx:latest',
  'containers:\n', 'initContainers:\n', 'services:\n', 'volumes:\n', '- /var/run/docker.sock:/var/run/docker.sock', 'cap_add: [ALL]',
  '&a ', '*a', '<<: *a', '!!binary ', '!!str ', '!Ref ', '? ', '|\n', '>-\n', '%YAML 1.2\n', '{', '}', '[', ']', ', ', '~', 'null',
  '{{ .Values.image }}', '{{- if .Values.x }}', 'bulkhead.dev/ignore: "all"', '# trivy:ignore:KSV017\n', '# checkov:skip=CKV_K8S_16\n',
  'kube-linter.io/ignore-all: ""', '0x1F', '1e400', '-.inf', '0o777', '"\\u0000"', "'it''s'",
  // Whitespace, line breaks and unicode
  ' ', '  ', '\t', '\n', '\r', '\r\n', '\n\n', '\f', '\v', '\u0085', '\u2028', '\u00a0', '\u3000', '\ufeff', '\u0000',
  '\ud83d\ude00', '\ud800', '\udc00', '\ud83d', 'e\u0301', '\u0301\u0301', '\u202e', '\u200f', '\u200b', 'שלום', '𝔘𝔫𝔦', '\u{10ffff}',
];

const fraction = fc.integer({ min: 0, max: FRACTION_SCALE });

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...INTERESTING_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...INTERESTING_FRAGMENTS), { minLength: 2, maxLength: 6 }).map((parts) => parts.join('')) },
);

export function mutationArbitrary(seedCount: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fraction }) },
    { weight: 8, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fraction, text: fragment }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('insert-line' as const), line: fraction, indent: fc.integer({ min: 0, max: 12 }), text: fragment }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 64 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('replace-char' as const), at: fraction, text: fragment }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate-lines' as const), line: fraction, count: fc.integer({ min: 1, max: 6 }), times: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), line: fraction, other: fraction }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), line: fraction, by: fc.integer({ min: -8, max: 8 }), tabs: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), at: fraction, depth: fc.integer({ min: 1, max: 300 }), style: fc.constantFrom<NestingStyle>('yaml-map', 'yaml-seq', 'flow', 'continuation') }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('long-line' as const), at: fraction, unit: fragment, length: fc.integer({ min: 100, max: 20_000 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('line-endings' as const), style: fc.constantFrom('crlf' as const, 'lf' as const, 'cr' as const, 'mixed' as const), pattern: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('alias' as const), anchorLine: fraction, aliasLine: fraction, merge: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('splice' as const), at: fraction, seed: fc.nat(seedCount - 1), from: fraction, to: fraction }) },
  );
}

function offsetOf(text: string, at: Fraction): number {
  return Math.floor((at / FRACTION_SCALE) * text.length);
}

/** Lines with their own line breaks, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function lineIndexOf(lines: readonly string[], at: Fraction): number {
  return Math.min(lines.length - 1, Math.floor((at / FRACTION_SCALE) * lines.length));
}

function mapLine(text: string, at: Fraction, change: (line: string) => string): string {
  const lines = splitLines(text);
  if (lines.length === 0) return text;
  const index = lineIndexOf(lines, at);
  lines[index] = change(lines[index]!);
  return lines.join('');
}

const NESTING: Readonly<Record<NestingStyle, (depth: number) => string>> = {
  'yaml-map': (depth) => Array.from({ length: depth }, (_, level) => `${' '.repeat(level * 2)}k${level}:\n`).join(''),
  'yaml-seq': (depth) => `${'- '.repeat(depth)}x\n`,
  flow: (depth) => `${'['.repeat(depth)}{a: 1}${']'.repeat(depth)}\n`,
  continuation: (depth) => `RUN echo a${' \\\n  && echo b'.repeat(depth)}\n`,
};

const LINE_BREAK = /\r\n|\r|\n/g;

export function applyMutation(text: string, mutation: Mutation, seeds: readonly { readonly text: string }[]): string {
  switch (mutation.op) {
    case 'truncate':
      return text.slice(0, offsetOf(text, mutation.at));
    case 'insert': {
      const at = offsetOf(text, mutation.at);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'insert-line': {
      // A whole line, indented like its neighbours might be, ended as the line before it is.
      const lines = splitLines(text);
      const index = lines.length === 0 ? 0 : lineIndexOf(lines, mutation.line);
      const eol = /(\r\n|\r|\n)$/.exec(lines[index] ?? '')?.[1] ?? '\n';
      lines.splice(index, 0, `${' '.repeat(mutation.indent)}${mutation.text.replace(/[\r\n]+$/, '')}${eol}`);
      return lines.join('');
    }
    case 'delete': {
      const at = offsetOf(text, mutation.at);
      return text.slice(0, at) + text.slice(at + mutation.length);
    }
    case 'replace-char': {
      const at = offsetOf(text, mutation.at);
      return text.slice(0, at) + mutation.text + text.slice(at + 1);
    }
    case 'duplicate-lines': {
      const lines = splitLines(text);
      if (lines.length === 0) return text;
      const first = lineIndexOf(lines, mutation.line);
      const block = lines.slice(first, first + mutation.count).join('');
      const after = first + mutation.count;
      return lines.slice(0, after).join('') + block.repeat(mutation.times) + lines.slice(after).join('');
    }
    case 'swap-lines': {
      const lines = splitLines(text);
      if (lines.length === 0) return text;
      const a = lineIndexOf(lines, mutation.line);
      const b = lineIndexOf(lines, mutation.other);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('');
    }
    case 'indent':
      return mapLine(text, mutation.line, (line) => {
        if (mutation.by < 0) return line.replace(new RegExp(`^[ \\t]{0,${-mutation.by}}`), '');
        return (mutation.tabs ? '\t' : ' ').repeat(mutation.by) + line;
      });
    case 'nest': {
      const at = offsetOf(text, mutation.at);
      return text.slice(0, at) + NESTING[mutation.style](mutation.depth) + text.slice(at);
    }
    case 'long-line': {
      const at = offsetOf(text, mutation.at);
      const run = mutation.unit.repeat(Math.ceil(mutation.length / mutation.unit.length)).slice(0, mutation.length);
      return text.slice(0, at) + run + text.slice(at);
    }
    case 'line-endings': {
      if (mutation.style !== 'mixed') return text.replace(LINE_BREAK, { crlf: '\r\n', lf: '\n', cr: '\r' }[mutation.style]);
      let index = 0;
      // The pattern's bits pick, line after line, CRLF or LF (repeating every 31 lines).
      return text.replace(LINE_BREAK, () => ((mutation.pattern >> (index++ % 31)) & 1 ? '\r\n' : '\n'));
    }
    case 'bom':
      return `\ufeff${text}`;
    case 'alias': {
      const anchored = mapLine(text, mutation.anchorLine, (line) => line.replace(/:( |$)/, ': &fz$1'));
      return mapLine(anchored, mutation.aliasLine, (line) =>
        mutation.merge ? line.replace(/^(\s*)(- )?.*?(\r?\n|\r|$)/, '$1$2<<: *fz$3') : line.replace(/:\s.*?(\r?\n|\r|$)/, ': *fz$1'),
      );
    }
    case 'splice': {
      const other = seeds[mutation.seed]?.text ?? '';
      const [from, to] = [offsetOf(other, mutation.from), offsetOf(other, mutation.to)].sort((a, b) => a - b);
      const at = offsetOf(text, mutation.at);
      return text.slice(0, at) + other.slice(from, to) + text.slice(at);
    }
  }
}

/** One line describing a mutation, for failure reports (fragments JSON-quoted so control characters show). */
export function describeMutation(mutation: Mutation): string {
  const { op, ...rest } = mutation;
  const fields = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : value}`);
  return fields.length > 0 ? `${op}(${fields.join(', ')})` : op;
}

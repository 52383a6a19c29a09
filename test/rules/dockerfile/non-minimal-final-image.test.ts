import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ruleSetOf } from '../../../server/src/core/index';
import { nonMinimalFinalImage } from '../../../server/src/core/rules/dockerfile/non-minimal-final-image';
import { testRule } from '../../support/rule-tester';

/** A build stage followed by a final stage on `image`. */
const finalOn = (image: string) => `FROM golang:1.25 AS build\nRUN go build -o /out/app .\nFROM ${image}\nCOPY --from=build /out/app /app\n`;

testRule(nonMinimalFinalImage, {
  valid: [
    { fixture: 'pass-minimal.Dockerfile', name: 'toolchains in build stages, distroless final' },
    { fixture: 'pass-single-stage.Dockerfile', name: 'one stage that does not build a static binary' },
    { name: 'one stage on a full image', text: 'FROM node:22-bookworm\nWORKDIR /app\nRUN npm ci\nCMD ["node", "server.js"]\n' },
    ...['node:22-slim', 'node:22-alpine3.22', 'python:3.13-slim-bookworm', 'python:3.13-alpine', 'eclipse-temurin:21-jre-noble', 'openjdk:17-jre-slim', 'debian:bookworm-slim', 'scratch', 'rockylinux:9-minimal', 'mcr.microsoft.com/dotnet/aspnet:8.0', 'nginx:1.29-alpine', 'registry.example.com/golang:1.25'].map((image) => ({ name: `final stage on ${image}`, text: finalOn(image) })),
    { name: 'final image from a build argument without a default', text: 'ARG RUNTIME\nFROM golang:1.25 AS build\nFROM ${RUNTIME}\n' },
    { name: 'ARG default naming another ARG (not expanded by the model)', text: 'ARG DEBIAN_VERSION=bookworm-slim\nARG RUNNER_IMAGE="debian:${DEBIAN_VERSION}"\nFROM golang:1.25 AS build\nFROM ${RUNNER_IMAGE}\n' },
    { name: 'cargo build for glibc in one stage', text: 'FROM rust:1.91\nRUN cargo build --release\n' },
  ],
  invalid: [
    {
      fixture: 'fail-multistage-go.Dockerfile',
      findings: [{ line: 5, column: 6, endLine: 5, endColumn: 24, messageId: 'toolchain', messageIncludes: ['`golang:1.25-alpine`', 'an earlier stage does the build', 'gcr.io/distroless/static-debian12:nonroot'], severity: 'warning' }],
      noFix: true,
    },
    {
      fixture: 'fail-through-stage.Dockerfile',
      name: 'the final stage is built on a stage built on a full image',
      findings: [{ line: 8, column: 6, endLine: 8, endColumn: 10, messageId: 'toolchain', messageIncludes: ['`node:22-bookworm`', 'node:<version>-slim'] }],
    },
    {
      fixture: 'fail-single-stage-static.Dockerfile',
      name: 'one stage building a static binary (ENV CGO_ENABLED=0)',
      findings: [{ line: 1, column: 6, endLine: 1, endColumn: 35, messageId: 'toolchain', messageIncludes: ['it builds a static binary (`CGO_ENABLED=0 go build`)'] }],
    },
    {
      fixture: 'fail-os.Dockerfile',
      name: 'a full distribution image is info',
      findings: [{ line: 4, column: 6, endLine: 4, endColumn: 18, messageId: 'os', messageIncludes: ['`ubuntu:24.04`'], severity: 'info' }],
    },
    ...[
      ['debian:bookworm', 'os'],
      ['eclipse-temurin:21', 'toolchain'],
      ['openjdk:21-jdk-slim', 'toolchain'],
      ['maven:3.9-eclipse-temurin-21', 'toolchain'],
      ['python:3.13-bookworm', 'toolchain'],
      ['mcr.microsoft.com/dotnet/sdk:8.0', 'toolchain'],
      ['rust:1.91-alpine', 'toolchain'],
    ].map(([image, messageId]) => ({
      name: `final stage on ${image}`,
      text: finalOn(image!),
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 6 + image!.length, messageId: messageId!, severity: messageId === 'os' ? ('info' as const) : ('warning' as const) }],
    })),
    {
      name: 'exported CGO_ENABLED=0',
      text: 'FROM golang:1.25\nRUN export CGO_ENABLED=0 && go build -o /a .\n',
      findings: [{ line: 1, column: 6, endLine: 1, endColumn: 17, messageId: 'toolchain' }],
    },
    { name: 'env wrapper', text: 'FROM golang:1.25\nRUN env CGO_ENABLED=0 GOOS=linux go build -o /a .\n', findings: [{ line: 1, column: 6, endLine: 1, endColumn: 17, messageId: 'toolchain' }] },
    { name: 'ARG default', text: 'FROM golang:1.25\nARG CGO_ENABLED=0\nRUN go build -o /a .\n', findings: [{ line: 1, column: 6, endLine: 1, endColumn: 17, messageId: 'toolchain' }] },
    {
      name: 'cargo build for a musl target in one stage',
      text: 'FROM rust:1.91\nRUN rustup target add x86_64-unknown-linux-musl \\\n && cargo build --release --target x86_64-unknown-linux-musl\n',
      findings: [{ line: 1, column: 6, endLine: 1, endColumn: 15, messageId: 'toolchain', messageIncludes: ['musl target'] }],
    },
  ],
});

describe('dockerfile/non-minimal-final-image related location', () => {
  it('points at the image the final stage inherits', () => {
    const text = 'FROM node:22 AS base\nFROM base AS build\nRUN npm run build\nFROM base\n';
    const [finding] = analyze({ fileName: 'Dockerfile', text }, { rules: ruleSetOf(nonMinimalFinalImage) }).findings;
    assert.ok(finding);
    assert.deepEqual(finding.related?.map((related) => text.slice(related.range.start, related.range.end)), ['node:22']);
  });
});

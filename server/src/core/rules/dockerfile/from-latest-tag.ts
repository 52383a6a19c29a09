import { splitImageReference } from '../../images/image-reference';
import type { DockerfileRule } from '../define';

export const fromLatestTag: DockerfileRule = {
  meta: {
    id: 'dockerfile/from-latest-tag',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'A base image is not pinned: `latest` tag or no tag',
    rationale:
      '`latest` (and an untagged image, which means `latest`) moves whenever the publisher pushes: the same Dockerfile builds a different image tomorrow, a compromised or broken upstream release flows straight into your build, and you cannot tell which base a running image came from. Every stage counts, since build stages produce what the final stage copies. `ARG` defaults are substituted before judging; stage aliases, `scratch`, references whose name or tag a build argument without a default decides, and digest-pinned references (`image:latest@sha256:…`) pass. A registry port is not a tag: `registry:5000/app` is untagged.',
    remediation:
      'Pin a specific version tag, e.g. `FROM node:22.11-alpine3.20`, or better a digest, e.g. `FROM node:22.11-alpine3.20@sha256:<digest>` (`docker buildx imagetools inspect <image>` shows it), and update it deliberately (Renovate or Dependabot can do this).',
    messages: {
      latest: 'Base image `{image}` uses the `latest` tag, which changes under you. Pin a version tag (e.g. `{repository}:<version>`) or a digest.',
      untagged: 'Base image `{image}` has no tag, so it means `latest`, which changes under you. Pin a version tag (e.g. `{repository}:<version>`) or a digest.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3007', 'DL3006'], checkov: ['CKV_DOCKER_7'], trivy: ['DS-0001'], cis: ['4.2'] },
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions', 'CIS Docker Benchmark 4.2'],
    example: {
      insecure: 'FROM node:latest\n',
      secure: 'FROM node:22.11-bookworm-slim\n',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const { image } = stage;
      if (image.written === '' || image.isStageReference || image.isScratch) continue;
      // An unset build argument leaves the reference open, unless it only picks the registry
      // or namespace (`${REGISTRY}/node:latest`): the tag part is still written out.
      if (image.unresolved && image.written.slice(image.written.lastIndexOf('/') + 1).includes('$')) continue;
      const reference = image.unresolved ? splitImageReference(image.written) : image;
      if (reference.digest !== undefined || (reference.tag !== undefined && reference.tag !== 'latest')) continue;
      const repository = reference.registry ? `${reference.registry}/${reference.path}` : reference.path;
      context.report({
        messageId: reference.tag === undefined ? 'untagged' : 'latest',
        data: { image: image.unresolved ? image.written : image.resolved, repository },
        range: image.tagRange ?? image.range,
      });
    }
  },
};

import { splitImageReference } from '../../images/image-reference';
import type { DockerfileRule } from '../define';

const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

export const fromNoDigest: DockerfileRule = {
  meta: {
    id: 'dockerfile/from-no-digest',
    target: 'dockerfile',
    defaultSeverity: 'info',
    title: 'A base image is not pinned by digest',
    rationale:
      'A tag is a movable pointer: even a precise one like `node:22.11.0-alpine3.20` can be re-pushed, by the publisher (rebuilds for security patches) or by anyone who gains push access to the repository. Only a content digest (`@sha256:` and 64 hex digits) names exactly one image, so the build uses the bytes you reviewed and a compromised registry cannot substitute others. ' +
      'This is a strict supply-chain check, off unless you give it a severity: digests must be updated deliberately (Renovate and Dependabot can do it), otherwise the image never gets its base image\'s security fixes. Every stage counts; `scratch`, stage aliases and references a build argument without a default decides are skipped (`ARG` defaults are substituted first).',
    remediation:
      'Append the digest of the tag you use, keeping the tag for readers: `FROM node:22.11.0-alpine3.20@sha256:<digest>`. `docker buildx imagetools inspect node:22.11.0-alpine3.20` prints it. Let Renovate or Dependabot update tag and digest together.',
    messages: {
      missing: 'Base image `{image}` is not pinned by digest: the tag can be re-pushed with different content. Append `@sha256:<digest>` (see `docker buildx imagetools inspect {image}`).',
      malformed: 'Base image `{image}` has digest `{digest}`, which is not `sha256:` followed by 64 hex digits. Pin the full sha256 digest.',
    },
    fix: 'none',
    equivalents: { cis: ['4.2'], semgrep: ['dockerfile-source-not-pinned'] },
    references: [
      'https://docs.docker.com/reference/dockerfile/#from',
      'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
      'CIS Docker Benchmark 4.2',
    ],
    optIn: true,
    example: {
      insecure: 'FROM alpine:3.22\n',
      secure: 'FROM alpine:3.22@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\n',
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const { image } = stage;
      if (image.written === '' || image.isStageReference || image.isScratch) continue;
      // A build argument without a default may still supply the tag or digest (`node:${TAG}`):
      // judge only references whose last path component is written out.
      // (A `$` left after substitution is an ARG default naming another ARG: judged the same way.)
      const open = image.unresolved || image.resolved.includes('$');
      if (open && image.written.slice(image.written.lastIndexOf('/') + 1).includes('$')) continue;
      const reference = open ? splitImageReference(image.written) : image;
      const shown = open ? image.written : image.resolved;
      if (reference.digest === undefined) {
        context.report({ messageId: 'missing', data: { image: shown }, range: image.range });
      } else if (!SHA256_DIGEST.test(reference.digest)) {
        context.report({ messageId: 'malformed', data: { image: shown, digest: reference.digest }, range: image.range });
      }
    }
  },
};

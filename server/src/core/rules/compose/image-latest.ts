import { describeService, fieldScalar, hasField, isInterpolated } from '../../compose/service-fields';
import { splitImageReference } from '../../images/image-reference';
import { rangeOf } from '../../yaml/yaml-document';
import type { ComposeRule } from '../define';

export const imageLatest: ComposeRule = {
  meta: {
    id: 'compose/image-latest',
    target: 'compose',
    defaultSeverity: 'warning',
    title: 'Service image is not pinned: `latest` tag or no tag',
    rationale:
      '`latest` (and an untagged image, which means `latest`) changes whenever the publisher pushes: two hosts can run different code for the same file, `docker compose pull` silently upgrades, and a compromised upstream release deploys itself on the next pull. A registry port is not a tag, so `registry:5000/app` is untagged.',
    remediation:
      'Use a specific version tag (`postgres:16.4`) or, better, a digest (`postgres:16.4@sha256:…`), and update it deliberately (Renovate or Dependabot can do it).',
    messages: {
      latest: '{service} uses image `{image}` with the `latest` tag, which changes under you. Pin a version tag or a digest.',
      untagged: '{service} uses image `{image}` without a tag, which means `latest`. Pin a version tag or a digest.',
    },
    fix: 'none',
    equivalents: {
      trivy: ['USR-COMPOSE-0001'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#image'],
    example: {
      insecure: 'services:\n  db:\n    image: postgres:latest\n',
      secure: 'services:\n  db:\n    image: postgres:16.4\n',
    },
  },
  check(service, context) {
    // With `build:`, `image:` names what the build produces, not something pulled.
    if (hasField(service, 'build')) return;
    const found = fieldScalar(service, 'image');
    if (!found || typeof found.value !== 'string') return;
    const image = found.value.trim();
    if (image === '' || isInterpolated(image)) return;
    const { tag, digest } = splitImageReference(image);
    if (digest !== undefined || (tag !== undefined && tag !== 'latest')) return;
    context.report({
      messageId: tag === 'latest' ? 'latest' : 'untagged',
      data: { service: describeService(service, found.field), image },
      range: found.field.inherited ? found.field.range : rangeOf(found.written),
    });
  },
};

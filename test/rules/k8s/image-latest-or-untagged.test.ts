import { imageLatestOrUntagged } from '../../../server/src/core/rules/k8s/image-latest-or-untagged';
import { testRule } from '../../support/rule-tester';
import { invalidInEveryKind, validInEveryKind } from './workload-samples';

testRule(imageLatestOrUntagged, {
  valid: [
    { fixture: 'pass-pinned.yaml' },
    ...validInEveryKind(
      'tags, digests, registry ports and templated images',
      [
        'initContainers:',
        '- name: init',
        '  image: registry.local:5000/tools/init:1.2.0',
        'containers:',
        '- name: app',
        '  image: nginx:1.27.2',
        '- name: pinned',
        '  image: nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000',
        '- name: digest',
        '  image: ghcr.io/acme/api@sha256:1111111111111111111111111111111111111111111111111111111111111111',
        '- name: templated',
        '  image: ${IMAGE}',
        '- name: kustomized',
        '  image: $(REGISTRY)/api',
        '- name: no-image-yet',
        '',
      ].join('\n'),
    ),
  ],
  invalid: [
    ...invalidInEveryKind(
      'latest, untagged and a registry port that is not a tag',
      [
        'initContainers:',
        '- name: init',
        '  image: busybox',
        'containers:',
        '- name: app',
        '  image: "nginx:latest"',
        '- name: local',
        '  image: localhost:5000/app',
        'ephemeralContainers:',
        '- {name: debug, image: ubuntu}',
        '',
      ].join('\n'),
      [
        { line: 3, column: 10, endLine: 3, endColumn: 17, messageId: 'untagged', messageIncludes: ['Init container `init`', '`busybox`'] },
        { line: 6, column: 10, endLine: 6, endColumn: 24, messageId: 'latest', messageIncludes: ['`nginx:latest`'] },
        { line: 8, column: 10, endLine: 8, endColumn: 28, messageId: 'untagged', messageIncludes: ['`localhost:5000/app`'] },
        { line: 10, column: 24, endLine: 10, endColumn: 30, messageId: 'untagged', messageIncludes: ['Ephemeral container `debug`'] },
      ],
      { noFix: true },
    ),
    {
      fixture: 'fail-list.yaml',
      findings: [
        { line: 11, column: 30, endLine: 11, endColumn: 53, messageId: 'latest', messageIncludes: ['Container `api` in Deployment `api`'] },
        { line: 21, column: 18, endLine: 21, endColumn: 23, messageId: 'untagged', messageIncludes: ['Container `redis` in StatefulSet `cache`'] },
      ],
      noFix: true,
    },
  ],
});

import { contentRange, describeService, listEntries, serviceField } from '../../compose/service-fields';
import { asMap, asScalar, asSeq, resolveNode, valueOf, type YamlNode } from '../../yaml/yaml-document';
import type { ComposeRule } from '../define';

export const devices: ComposeRule = {
  meta: {
    id: 'compose/devices',
    target: 'compose',
    defaultSeverity: 'warning',
    title: 'Service maps host devices',
    rationale:
      'A host device mapped into a container (`/dev/sda`, `/dev/mem`, `/dev/kvm`, a GPU) gives the service direct access to hardware, bypassing the kernel\'s file-system and namespace isolation: a disk device can be read or rewritten block by block, and `rwm` permissions allow creating device nodes.',
    remediation:
      'Remove devices the service does not need. Map the narrowest device with the least permissions (`/dev/ttyUSB0:/dev/ttyUSB0:r`), and prefer purpose-built integrations (GPU reservations under `deploy.resources.reservations.devices`).',
    messages: {
      device: '{service} maps host device `{device}` into the container, giving it direct hardware access. Remove it unless the service needs it, and limit its permissions.',
    },
    fix: 'none',
    equivalents: {
      cis: ['5.18'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#devices'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    devices:\n      - /dev/sda:/dev/sda\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'devices');
    if (!field) return;
    const describe = describeService(service, field);
    const report = (device: string, node: YamlNode) =>
      context.report({ messageId: 'device', data: { service: describe, device }, range: field.inherited ? field.range : contentRange(service, node) });
    for (const entry of listEntries(field, service.document)) report(entry.value.split(':')[0]!.trim(), entry.written);
    // Long syntax (Compose 2.x): `- source: /dev/ttyUSB0` with `target` and `permissions`.
    for (const item of asSeq(field.value)?.items ?? []) {
      const map = asMap(resolveNode(item, service.document));
      const source = asScalar(valueOf(map, 'source', service.document));
      if (map && source) report(String(source.value), map);
    }
  },
};

import { describeService, listEntries, serviceField } from '../../compose/service-fields';
import type { TextEdit } from '../../engine/types';
import { rangeOf, type YamlNode } from '../../yaml/yaml-document';
import { appendToSeqIn, setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

export const capDropMissing: ComposeRule = {
  meta: {
    id: 'compose/cap-drop-missing',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service keeps the default Linux capabilities',
    rationale:
      'Docker grants every container a default set of capabilities (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, SETGID, …) that most applications never use and attackers do: NET_RAW enables spoofing, DAC_OVERRIDE ignores file permissions. Dropping `ALL` and adding back the few a service needs leaves nothing unused to abuse.',
    remediation:
      'Add `cap_drop: [ALL]` and list in `cap_add` only what the service needs (images that start as root and switch users often need `SETUID`, `SETGID` and `CHOWN`).',
    messages: {
      missing: '{service} does not drop any capabilities, so it keeps Docker\'s default set. Add `cap_drop: [ALL]` and add back only what it needs.',
      partial: '{service} drops some capabilities but not `ALL`. Add `ALL` to `cap_drop` and add back only what it needs.',
    },
    missingMessages: ['missing', 'partial'],
    fix: 'suggestion',
    equivalents: {
      kics: ['container_capabilities_unrestricted'],
      cis: ['5.4'],
    },
    references: ['https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    cap_drop: [ALL]\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'cap_drop');
    const entries = listEntries(field, service.document);
    if (entries.some((entry) => entry.value.trim().toUpperCase() === 'ALL')) return;
    if (entries.length > 0 && field) {
      const edits: TextEdit[] = field.inherited ? [] : appendToSeqIn(service.file, service.document, field.owner, 'cap_drop', 'ALL');
      context.report({
        messageId: 'partial',
        data: { service: describeService(service, field) },
        range: field.inherited ? field.range : rangeOf(field.pair.key as YamlNode),
        ...(edits.length > 0 ? { fix: { title: 'Drop ALL capabilities', edits } } : {}),
      });
      return;
    }
    if (field?.inherited) {
      context.report({ messageId: 'missing', data: { service: describeService(service, field) }, range: field.range });
      return;
    }
    context.report({
      messageId: 'missing',
      data: { service: describeService(service) },
      range: service.nameRange,
      fix: { title: 'Add cap_drop: [ALL]', edits: setIn(service.file, service.document, service.node, ['cap_drop'], '[ALL]') },
    });
  },
};

import { describeService, fieldScalar, hasField, isInterpolated } from '../../compose/service-fields';
import { setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

export const readOnlyMissing: ComposeRule = {
  meta: {
    id: 'compose/read-only-missing',
    target: 'compose',
    defaultSeverity: 'warning',
    title: 'Service has a writable root file system',
    rationale:
      'With a writable root file system an intruder can drop tools, change the application\'s code or configuration, and persist until the container is recreated. A read-only root forces every write into an explicit volume or `tmpfs`, which is easy to review.',
    remediation:
      'Set `read_only: true` and give the paths the service writes to a `tmpfs:` entry (e.g. `/tmp`) or a volume.',
    messages: {
      missing: '{service} has a writable root file system. Add `read_only: true` (and `tmpfs:` for paths it writes).',
      disabled: '{service} sets `read_only: {value}`, so its root file system is writable. Set `read_only: true` (and `tmpfs:` for paths it writes).',
    },
    missingMessages: ['missing'],
    fix: 'suggestion',
    equivalents: {
      semgrep: ['writable-filesystem-service'],
      cis: ['5.13'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#read_only'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    read_only: true\n    tmpfs: [/tmp]\n',
    },
  },
  check(service, context) {
    const title = 'Set read_only: true (writable paths need tmpfs or volumes)';
    const found = fieldScalar(service, 'read_only');
    if (found) {
      if (found.value === true || found.value === 'true' || (typeof found.value === 'string' && isInterpolated(found.value))) return;
      const { field } = found;
      context.report({
        messageId: 'disabled',
        data: { service: describeService(service, field), value: String(found.value ?? '') },
        range: field.range,
        ...(field.inherited ? {} : { fix: { title, edits: setIn(service.file, service.document, field.owner, ['read_only'], 'true') } }),
      });
      return;
    }
    if (hasField(service, 'read_only')) return; // a non-scalar value: not ours to judge
    context.report({
      messageId: 'missing',
      data: { service: describeService(service) },
      range: service.nameRange,
      fix: { title, edits: setIn(service.file, service.document, service.node, ['read_only'], 'true') },
    });
  },
};

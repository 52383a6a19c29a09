import { describeService, fieldMap, fieldScalar, hasField, isInterpolated } from '../../compose/service-fields';
import { mapAt, pairOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

const PLACEHOLDER = '100';

export const pidsLimitMissing: ComposeRule = {
  meta: {
    id: 'compose/pids-limit-missing',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service has no process limit (`pids_limit`)',
    rationale:
      'Without a PID limit a fork bomb or a runaway worker pool in one container can create processes until the host\'s process table is full, and then nothing on the host — not even an administrator\'s shell — can start a process.',
    remediation:
      'Set `pids_limit` (or `deploy.resources.limits.pids`) to a positive number comfortably above what the service uses, e.g. `100`.',
    messages: {
      missing: '{service} has no process limit, so a fork bomb can exhaust the host\'s process table. Set `pids_limit` (e.g. `100`).',
      unlimited: '{service} sets `pids_limit: {value}`, which means no limit. Set a positive number (e.g. `100`).',
    },
    missingMessages: ['missing'],
    fix: 'suggestion',
    equivalents: {
      kics: ['pids_limit_not_set'],
      cis: ['5.29'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#pids_limit'],
    example: {
      insecure: 'services:\n  worker:\n    image: acme/worker:1.0\n',
      secure: 'services:\n  worker:\n    image: acme/worker:1.0\n    pids_limit: 100\n',
    },
  },
  check(service, context) {
    const title = 'Set pids_limit: 100 (adjust to the service)';
    const found = fieldScalar(service, 'pids_limit');
    if (found) {
      const value = found.value;
      if (typeof value === 'string' && isInterpolated(value)) return;
      const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (Number.isFinite(number) && number > 0) return;
      const { field } = found;
      context.report({
        messageId: 'unlimited',
        data: { service: describeService(service, field), value: String(value ?? '') },
        range: field.range,
        ...(field.inherited ? {} : { fix: { title, edits: setIn(service.file, service.document, field.owner, ['pids_limit'], PLACEHOLDER) } }),
      });
      return;
    }
    if (hasField(service, 'pids_limit')) return;
    if (pairOf(mapAt(fieldMap(service, 'deploy'), ['resources', 'limits'], service.document), 'pids')) return;
    context.report({
      messageId: 'missing',
      data: { service: describeService(service) },
      range: service.nameRange,
      fix: { title, edits: setIn(service.file, service.document, service.node, ['pids_limit'], PLACEHOLDER) },
    });
  },
};

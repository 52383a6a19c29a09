import { describeService, fieldScalar, isInterpolated } from '../../compose/service-fields';
import { rangeOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

/** `root`, `0`, `root:<group>`, `0:<group>`. */
const ROOT_USER = /^(?:root|0)(?::.*)?$/;

export const userRoot: ComposeRule = {
  meta: {
    id: 'compose/user-root',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service runs as root (`user: root` / `user: 0`)',
    rationale:
      'A process running as root in the container owns every file in it, can install tools, and is one kernel or runtime bug away from root on the host. Setting `user:` to root explicitly also overrides a non-root `USER` the image author chose.',
    remediation:
      'Set `user:` to a numeric non-root UID and GID (e.g. `"10001:10001"`) that owns only what the process must write, or remove `user:` when the image already runs as a non-root user.',
    messages: {
      root: '{service} runs as root (`user: {user}`). Set `user:` to a non-root UID such as `"10001:10001"`.',
    },
    fix: 'suggestion',
    equivalents: {
      semgrep: ['service-runs-as-root'],
      cis: ['4.1'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#user'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n    user: root\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    user: "10001:10001"\n',
    },
  },
  check(service, context) {
    const found = fieldScalar(service, 'user');
    if (!found || (typeof found.value !== 'string' && typeof found.value !== 'number')) return;
    const user = String(found.value).trim();
    if (isInterpolated(user) || !ROOT_USER.test(user)) return;
    const { field } = found;
    context.report({
      messageId: 'root',
      data: { service: describeService(service, field), user },
      range: field.inherited ? field.range : rangeOf(found.written),
      ...(field.inherited ? {} : { fix: { title: 'Run as UID 10001 (make sure the image works as that user)', edits: setIn(service.file, service.document, field.owner, ['user'], '"10001:10001"') } }),
    });
  },
};

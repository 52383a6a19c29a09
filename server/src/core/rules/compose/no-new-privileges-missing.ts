import { rewriteString } from '../../compose/compose-edits';
import { describeService, securityOptions, serviceField } from '../../compose/service-fields';
import { asSeq, rangeOf, type YamlNode } from '../../yaml/yaml-document';
import { appendToSeqIn, quotedLikeFirstItem, setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

const OPTION = 'no-new-privileges';
const ENTRY = 'no-new-privileges:true';

export const noNewPrivilegesMissing: ComposeRule = {
  meta: {
    id: 'compose/no-new-privileges-missing',
    target: 'compose',
    defaultSeverity: 'warning',
    title: 'Service processes can gain privileges (`no-new-privileges` not set)',
    rationale:
      'Without `no-new-privileges`, a process in the container can gain privileges by executing a setuid or setgid binary (`su`, `sudo`, `ping` on some images) or a file with capabilities. Setting it makes the kernel refuse such gains for the container\'s whole process tree, closing a common step from a compromised non-root process to root.',
    remediation:
      'Add `no-new-privileges:true` to the service\'s `security_opt` list.',
    messages: {
      missing: '{service} does not set `no-new-privileges`, so its processes can gain privileges through setuid binaries. Add `security_opt: ["no-new-privileges:true"]`.',
      listMissing: '{service} has `security_opt` without `no-new-privileges`, so its processes can gain privileges through setuid binaries. Add `no-new-privileges:true` to the list.',
      disabled: '{service} sets `{option}`, so its processes can gain privileges through setuid binaries. Set it to `no-new-privileges:true`.',
    },
    missingMessages: ['missing', 'listMissing'],
    fix: 'safe',
    equivalents: {
      kics: ['no_new_privileges_not_set'],
      semgrep: ['no-new-privileges'],
      cis: ['5.26'],
    },
    references: ['https://docs.docker.com/reference/cli/docker/container/run/#security-opt'],
    example: {
      insecure: 'services:\n  api:\n    image: acme/api:1.0\n',
      secure: 'services:\n  api:\n    image: acme/api:1.0\n    security_opt:\n      - no-new-privileges:true\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'security_opt');
    const options = securityOptions(service, field).filter((option) => option.name === OPTION);
    if (options.some((option) => option.optionValue === undefined || /^true$/i.test(option.optionValue))) return;
    const title = 'Add no-new-privileges:true to security_opt';
    const disabled = options[0];
    if (disabled) {
      const edit = field!.inherited || disabled.shared ? undefined : rewriteString(service.file, disabled.node, `${OPTION}${disabled.value.includes('=') ? '=' : ':'}true`, disabled.written);
      context.report({
        messageId: 'disabled',
        data: { service: describeService(service, field), option: disabled.value.trim() },
        range: field!.inherited ? field!.range : rangeOf(disabled.written),
        ...(edit ? { fix: { title: 'Set no-new-privileges:true', edits: [edit] } } : {}),
      });
      return;
    }
    const seq = asSeq(field?.value);
    if (field?.inherited) {
      context.report({ messageId: seq ? 'listMissing' : 'missing', data: { service: describeService(service, field) }, range: field.range });
      return;
    }
    if (field && seq && seq.items.length > 0) {
      const item = quotedLikeFirstItem(service.file, seq, ENTRY, seq.flow ? `"${ENTRY}"` : ENTRY);
      context.report({
        messageId: 'listMissing',
        data: { service: describeService(service) },
        range: rangeOf(field.pair.key as YamlNode),
        fix: { title, edits: appendToSeqIn(service.file, service.document, field.owner, 'security_opt', item) },
      });
      return;
    }
    context.report({
      messageId: 'missing',
      data: { service: describeService(service) },
      range: field ? rangeOf(field.pair.key as YamlNode) : service.nameRange,
      fix: { title, edits: setIn(service.file, service.document, service.node, ['security_opt'], `["${ENTRY}"]`) },
    });
  },
};

/**
 * Checks several rules share: the five fields that share a host namespace when set to `host`
 * (`network_mode`, `pid`, `ipc`, `userns_mode`, `uts`), and `security_opt` entries that switch a
 * confinement off (seccomp, AppArmor, SELinux).
 */
import type { RuleContext } from '../engine/types';
import { rangeOf } from '../yaml/yaml-document';
import { deletePair } from '../yaml/yaml-edit';
import { removeListEntry } from './compose-edits';
import type { ComposeService } from './model';
import { describeService, fieldScalar, securityOptions, serviceField, type SecurityOption } from './service-fields';

/** Reports `key: host` on the service, with a fix that deletes the key (unless inherited). */
export function reportHostMode(service: ComposeService, context: RuleContext, key: string): void {
  const found = fieldScalar(service, key);
  if (!found || typeof found.value !== 'string' || found.value.trim().toLowerCase() !== 'host') return;
  const { field } = found;
  context.report({
    messageId: 'host',
    data: { service: describeService(service, field) },
    range: field.range,
    ...(field.inherited ? {} : { fix: { title: `Remove ${key}: host`, edits: deletePair(service.file, field.owner, key) } }),
  });
}

/**
 * Reports every `security_opt` entry `matches` accepts (e.g. `seccomp:unconfined`), with a fix
 * that removes the entry (the whole key when it is the only one).
 */
export function reportSecurityOptions(
  service: ComposeService,
  context: RuleContext,
  matches: (option: SecurityOption) => boolean,
  title: string,
): void {
  const field = serviceField(service, 'security_opt');
  if (!field) return;
  for (const option of securityOptions(service, field)) {
    if (!matches(option)) continue;
    const edits = removeListEntry(service.file, service.document, field, option.seq, option.index);
    context.report({
      messageId: 'unconfined',
      data: { service: describeService(service, field), option: option.value.trim() },
      range: field.inherited ? field.range : rangeOf(option.written),
      ...(edits.length > 0 ? { fix: { title, edits } } : {}),
    });
  }
}

/**
 * The check the resource-limit rules share (CPU, memory): a service that sets neither
 * `deploy.resources.limits.<key>` nor one of the service-level fields that limit the same
 * resource (`cpus`, `mem_limit`, the legacy v2 way).
 */
import type { RuleContext } from '../engine/types';
import { hasKey, mapAt } from '../yaml/yaml-document';
import { setIn } from '../yaml/yaml-edit';
import type { ComposeService } from './model';
import { describeService, fieldMap, hasField, isLegacyV2, serviceField } from './service-fields';

/** What the fix writes: a value for the field, and the title of the quick fix. */
export interface LimitFix {
  readonly title: string;
  /** The YAML text of the value, e.g. `"0.50"` or `512M`. */
  readonly value: string;
}

export interface ResourceLimit {
  /** The key under `deploy.resources.limits` (`cpus`, `memory`). */
  readonly limitKey: string;
  /** Service-level fields that set the limit too (`cpus`, `cpu_quota`, `mem_limit`). */
  readonly serviceFields: readonly string[];
  /** The fix for a current Compose file: sets `deploy.resources.limits.<limitKey>`. */
  readonly fix: LimitFix;
  /** The fix for a legacy v2 file, which has no `deploy`: sets the service-level `field`. */
  readonly legacyV2Fix: LimitFix & { readonly field: string };
}

/**
 * Reports a service that sets no limit as `missing` (`missingV2` in a legacy v2 file), with a fix
 * that adds one. When `deploy` comes from a `<<` merge, the finding points at the merge and has
 * no fix: the shared block is not the service's to edit.
 */
export function reportMissingLimit(service: ComposeService, context: RuleContext, limit: ResourceLimit): void {
  if (limit.serviceFields.some((field) => hasField(service, field))) return;
  const limits = mapAt(fieldMap(service, 'deploy'), ['resources', 'limits'], service.document);
  if (limits && hasKey(limits, limit.limitKey, service.document)) return;
  const v2 = isLegacyV2(service);
  const deploy = serviceField(service, 'deploy');
  const inheritedDeploy = deploy?.inherited === true && !v2;
  context.report({
    messageId: v2 ? 'missingV2' : 'missing',
    data: { service: describeService(service, inheritedDeploy ? deploy : undefined) },
    range: inheritedDeploy ? deploy.range : service.nameRange,
    ...(inheritedDeploy
      ? {}
      : {
          fix: v2
            ? { title: limit.legacyV2Fix.title, edits: setIn(service.file, service.document, service.node, [limit.legacyV2Fix.field], limit.legacyV2Fix.value) }
            : { title: limit.fix.title, edits: setIn(service.file, service.document, service.node, ['deploy', 'resources', 'limits', limit.limitKey], limit.fix.value) },
        }),
  });
}

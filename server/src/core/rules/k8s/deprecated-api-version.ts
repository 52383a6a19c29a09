/**
 * Deprecated and removed `apiVersion`s, judged against the configured Kubernetes version
 * (`kubernetesVersion`, default 1.31): an error once the version is no longer served, a warning
 * while it is only deprecated, nothing before that. Findings carry the `deprecated` tag. The fix
 * swaps the apiVersion only where that alone is a correct migration (see the data table).
 */
import { DEFAULT_KUBERNETES_VERSION } from '../../engine/config';
import { deprecatedApiOf, isAtLeast, parseKubernetesVersion, type DeprecatedApi } from '../../kubernetes/deprecated-apis';
import type { KubernetesResource } from '../../kubernetes/model';
import { mapAt, pairOf, rangeOf, writtenValueOf } from '../../yaml/yaml-document';
import type { Report, TextEdit } from '../../engine/types';
import type { KubernetesRule } from '../define';

export const deprecatedApiVersion: KubernetesRule = {
  meta: {
    id: 'k8s/deprecated-api-version',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Deprecated or removed Kubernetes API version',
    rationale:
      'The API server stops serving deprecated API versions after a few releases: `kubectl apply` then fails with "no matches for kind", and upgrades break deployments that used to work. Findings are judged against the configured Kubernetes version (`kubernetesVersion`, default 1.31): an error when that version no longer serves the apiVersion, a warning while it is only deprecated. `extensions/v1beta1` is covered for every kind it served, and PodSecurityPolicy is reported as gone without replacement.',
    remediation:
      'Move to the replacement apiVersion and adapt the fields that changed with it (the message says which). The fix swaps the apiVersion where nothing else changed; for `apps/v1` only when `spec.selector` is already present, and for PodDisruptionBudget as a suggestion to review.',
    messages: {
      removed: '`{apiVersion}` {kind} is no longer served from Kubernetes {removedIn} (target: {target}). {migration}',
      deprecated: '`{apiVersion}` {kind} is deprecated since Kubernetes {deprecatedIn} and no longer served from {removedIn}. {migration}',
    },
    fix: 'safe',
    equivalents: { 'kube-linter': ['no-extensions-v1beta'], trivy: ['KSV-0107'] },
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/', 'https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
    example: {
      insecure: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"',
      secure: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"',
    },
  },
  check(resource, context) {
    const api = deprecatedApiOf(resource.apiVersion, resource.kind);
    if (!api) return;
    const configured = context.options.kubernetesVersion;
    const version = parseKubernetesVersion(configured) ?? parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION)!;
    const target = parseKubernetesVersion(configured) ? configured.trim().replace(/^v/, '') : DEFAULT_KUBERNETES_VERSION;
    const removed = isAtLeast(version, api.removedIn);
    if (!removed && !isAtLeast(version, api.deprecatedIn)) return;
    const valueNode = writtenValueOf(resource.node, 'apiVersion');
    if (!valueNode) return;
    const fix = fixOf(resource, api, valueNode.range ? rangeOf(valueNode) : undefined);
    const report: Report = {
      messageId: removed ? 'removed' : 'deprecated',
      data: {
        apiVersion: api.apiVersion,
        kind: api.kind,
        removedIn: api.removedIn,
        deprecatedIn: api.deprecatedIn,
        target,
        migration: migrationText(api),
      },
      range: rangeOf(valueNode),
      severity: removed ? 'error' : 'warning',
      tags: ['deprecated'],
      ...(fix ? { fix } : {}),
    };
    context.report(report);
  },
};

function migrationText(api: DeprecatedApi): string {
  if (!api.replacement) return `${api.note ?? 'It has no replacement'}.`;
  return `Use \`${api.replacement}\`${api.note ? `; ${api.note}` : ''}.`;
}

function fixOf(resource: KubernetesResource, api: DeprecatedApi, range: { start: number; end: number } | undefined): Report['fix'] | undefined {
  if (!api.replacement || !range || api.migration === 'manual') return undefined;
  if (api.migration === 'swap-if-selector' && !pairOf(mapAt(resource.node, ['spec'], resource.document), 'selector')) return undefined;
  const written = resource.file.text.slice(range.start, range.end);
  const quote = written.startsWith('"') || written.startsWith("'") ? written[0]! : '';
  const edit: TextEdit = { start: range.start, end: range.end, newText: `${quote}${api.replacement}${quote}` };
  const title = `Change apiVersion to ${api.replacement}`;
  return api.migration === 'swap-review' ? { title: `${title} (review: ${api.note})`, edits: [edit], safe: false } : { title, edits: [edit] };
}

/**
 * Ingresses without TLS, and rule hosts no `tls` entry covers. When `spec.tls` is missing, a
 * suggestion scaffolds it with the rules' hosts and a `<tls-secret-name>` placeholder (the
 * certificate Secret, or cert-manager, is a human decision).
 */
import type { TextEdit } from '../../engine/types';
import { describeResource } from '../../kubernetes/model';
import { asMap, keyRange, mapAt, pairOf, rangeOf, seqItems, stringItems, stringValue, valueOf, writtenValueOf, type YamlFile, type YamlMap, type YamlNode } from '../../yaml/yaml-document';
import { eol } from '../../yaml/yaml-edit';
import type { KubernetesRule } from '../define';

export const TLS_SECRET_PLACEHOLDER = '<tls-secret-name>';

export const ingressTlsMissing: KubernetesRule = {
  meta: {
    id: 'k8s/ingress-tls-missing',
    target: 'kubernetes',
    defaultSeverity: 'warning',
    title: 'Ingress serves hosts without TLS',
    rationale:
      'Without a `tls` section the Ingress serves plain HTTP: credentials, session cookies and data cross the network readable and modifiable by anyone on the path. A host listed in `rules` but in no `tls[].hosts` entry is served without its certificate (the controller\'s default certificate at best). A `tls` entry without `hosts` covers every host; `*.example.com` covers one subdomain level.',
    remediation:
      'Add `spec.tls` with the Ingress\'s hosts and the Secret that holds their certificate (or let cert-manager create it). The quick fix scaffolds the section with a `<tls-secret-name>` placeholder to replace.',
    messages: {
      missing: '{ingress} has no `spec.tls`: it serves plain HTTP. Add a `tls` section with its hosts and a certificate Secret.',
      uncovered: '{ingress} serves host `{host}` without TLS: no `spec.tls[].hosts` entry covers it. Add it to a `tls` entry.',
    },
    fix: 'suggestion',
    equivalents: {},
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls'],
    example: {
      insecure: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: { name: shop, port: { number: 80 } }',
      secure: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\nspec:\n  tls:\n    - hosts:\n        - shop.example.com\n      secretName: shop-tls\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: { name: shop, port: { number: 80 } }',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'Ingress') return;
    const document = resource.document;
    const spec = mapAt(resource.node, ['spec'], document);
    if (!spec) return;
    const ingress = describeResource(resource);
    const hosts = seqItems(valueOf(spec, 'rules', document), document).flatMap((rule) => {
      const node = asMap(rule);
      const host = stringValue(node, 'host', document);
      return node && host !== undefined ? [{ host, range: rangeOf(writtenValueOf(node, 'host')!) }] : [];
    });
    const tls = seqItems(valueOf(spec, 'tls', document), document).flatMap((entry) => asMap(entry) ?? []);
    if (tls.length === 0) {
      const names = [...new Set(hosts.map(({ host }) => host))];
      const edits = scaffoldTls(resource.file, spec, names);
      context.report({
        messageId: 'missing',
        data: { ingress },
        range: keyRange(resource.node, 'spec'),
        ...(edits.length > 0 ? { fix: { title: 'Add a `tls` section (certificate Secret to fill in)', edits } } : {}),
      });
      return;
    }
    const tlsHosts = tls.map((entry) => (pairOf(entry, 'hosts') ? stringItems(valueOf(entry, 'hosts', document), document).map(({ value }) => value) : undefined));
    if (tlsHosts.some((list) => list === undefined)) return;
    for (const { host, range } of hosts) {
      if (tlsHosts.some((list) => list!.some((pattern) => hostMatches(pattern, host)))) continue;
      context.report({ messageId: 'uncovered', data: { ingress, host }, range });
    }
  },
};

/** `*.example.com` covers `a.example.com` but not `example.com` or `a.b.example.com`. */
function hostMatches(pattern: string, host: string): boolean {
  const lower = host.toLowerCase();
  const wanted = pattern.toLowerCase();
  if (wanted === lower) return true;
  if (!wanted.startsWith('*.')) return false;
  const dot = lower.indexOf('.');
  return dot > 0 && lower.slice(dot) === wanted.slice(1);
}

/** Inserts `tls:` as the last key of a block `spec`, indented like its siblings. */
function scaffoldTls(file: YamlFile, spec: YamlMap, hosts: readonly string[]): TextEdit[] {
  const first = spec.items[0];
  const last = spec.items[spec.items.length - 1];
  if (spec.flow || !first || !last) return [];
  const column = file.lines.positionAt(rangeOf(first.key as YamlNode).start).character;
  const lastEnd = (last.value as YamlNode | null)?.range?.[1] ?? rangeOf(last.key as YamlNode).end;
  const contentEnd = lastEnd - (file.text.slice(0, lastEnd).length - file.text.slice(0, lastEnd).trimEnd().length);
  const at = file.lines.lineEnd(file.lines.positionAt(Math.max(0, contentEnd - 1)).line);
  const newline = eol(file);
  const pad = (extra: number) => newline + ' '.repeat(column + extra);
  const quoted = (host: string) => (/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(host) ? host : JSON.stringify(host));
  const entry = hosts.length > 0
    ? `${pad(2)}- hosts:${hosts.map((host) => `${pad(6)}- ${quoted(host)}`).join('')}${pad(4)}secretName: ${TLS_SECRET_PLACEHOLDER}`
    : `${pad(2)}- secretName: ${TLS_SECRET_PLACEHOLDER}`;
  return [{ start: at, end: at, newText: `${pad(0)}tls:${entry}` }];
}

import { rewriteString } from '../../compose/compose-edits';
import { contentRange, describeService, serviceField, type ServicePort, servicePorts } from '../../compose/service-fields';
import type { ComposeService } from '../../compose/model';
import type { TextEdit } from '../../engine/types';
import { asMap, asScalar } from '../../yaml/yaml-document';
import { replaceNode, setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]']);

export const portAllInterfaces: ComposeRule = {
  meta: {
    id: 'compose/port-all-interfaces',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service publishes a port on every host interface',
    rationale:
      'A port published without a host IP (`"8080:80"`, or just `"80"`) listens on all of the host\'s interfaces, so a development database or admin UI is reachable from the whole network — and Docker\'s iptables rules bypass host firewalls such as ufw. Binding to `127.0.0.1` keeps it local; a specific interface address limits it to one network.',
    remediation:
      'Prefix the mapping with the address to listen on (`"127.0.0.1:8080:80"`), or set `host_ip:` in the long syntax. Publish on all interfaces only what really serves the outside world, behind a reverse proxy.',
    messages: {
      unbound: '{service} publishes `{port}` on every host interface (no host IP). Bind it to `127.0.0.1` (`"127.0.0.1:{mapping}"`) or to the one interface that should reach it.',
      explicit: '{service} publishes `{port}` on every host interface (`{ip}`). Bind it to `127.0.0.1` or to the one interface that should reach it.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['container_traffic_not_bound_to_host_interface'],
      cis: ['5.14'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#ports'],
    example: {
      insecure: 'services:\n  db:\n    image: postgres:16.4\n    ports:\n      - "5432:5432"\n',
      secure: 'services:\n  db:\n    image: postgres:16.4\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'ports');
    for (const port of servicePorts(service, field)) {
      if (port.interpolated) continue;
      const written = port.text;
      const range = field?.inherited ? field.range : contentRange(service, port.written);
      const describe = describeService(service, field);
      if (port.hostIp !== undefined) {
        if (!ALL_INTERFACES.has(port.hostIp)) continue;
        context.report({ messageId: 'explicit', data: { service: describe, port: written, ip: port.hostIp }, range });
        continue;
      }
      const mapping = port.syntax === 'short' ? (port.hasPublished ? written : `:${written}`) : written;
      const edits = field?.inherited || port.shared ? [] : localhostEdits(service, port);
      context.report({
        messageId: 'unbound',
        data: { service: describe, port: written, mapping },
        range,
        ...(edits.length > 0 ? { fix: { title: 'Publish on 127.0.0.1 only', edits } } : {}),
      });
    }
  },
};

function localhostEdits(service: ComposeService, port: ServicePort): TextEdit[] {
  if (port.syntax === 'long') {
    const map = asMap(port.node);
    return map ? setIn(service.file, service.document, map, ['host_ip'], '127.0.0.1') : [];
  }
  const node = asScalar(port.node);
  if (!node) return [];
  const written = String(node.value);
  const text = `127.0.0.1:${port.hasPublished ? '' : ':'}${written}`;
  if (typeof node.value === 'number') return [replaceNode(port.written, `"${text}"`)];
  const edit = rewriteString(service.file, node, text, port.written);
  return edit ? [edit] : [];
}

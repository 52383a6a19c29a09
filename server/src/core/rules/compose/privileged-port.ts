import { contentRange, describeService, listEntries, serviceField, servicePorts } from '../../compose/service-fields';
import type { ComposeRule } from '../define';

const FIRST_UNPRIVILEGED = 1024;

export const privilegedPort: ComposeRule = {
  meta: {
    id: 'compose/privileged-port',
    target: 'compose',
    defaultSeverity: 'info',
    title: 'Service maps a privileged port (below 1024)',
    rationale:
      'Ports below 1024 are reserved for privileged services on the host: publishing one takes a well-known port away from the host, and a container that listens on one needs `NET_BIND_SERVICE` (or runs as root) to bind it. Keeping both sides at 1024 or above lets the service run without that capability.',
    remediation:
      'Listen on a port of 1024 or above inside the container (`8080`) and publish it on a high host port; put a reverse proxy in front for ports 80/443. If the service must bind a low port, drop `NET_BIND_SERVICE` elsewhere and review why.',
    messages: {
      host: '{service} publishes host port {port} (below 1024) in `{mapping}`. Publish on a port of 1024 or above, or put a reverse proxy in front.',
      container: '{service} maps container port {port} (below 1024) in `{mapping}`: the process needs `NET_BIND_SERVICE` or root to bind it. Listen on a port of 1024 or above.',
    },
    fix: 'none',
    equivalents: {
      kics: ['privileged_ports_mapped_in_container'],
      cis: ['5.8'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#ports'],
    example: {
      insecure: 'services:\n  web:\n    image: acme/web:1.0\n    ports:\n      - "127.0.0.1:80:80"\n',
      secure: 'services:\n  web:\n    image: acme/web:1.0\n    ports:\n      - "127.0.0.1:8080:8080"\n',
    },
  },
  check(service, context) {
    const dropped = listEntries(serviceField(service, 'cap_drop'), service.document).map((entry) => entry.value.trim().toUpperCase().replace(/^CAP_/, ''));
    if (dropped.includes('NET_BIND_SERVICE') || dropped.includes('ALL')) return;
    const field = serviceField(service, 'ports');
    for (const port of servicePorts(service, field)) {
      const mapping = port.text;
      const range = field?.inherited ? field.range : contentRange(service, port.written);
      const data = { service: describeService(service, field), mapping };
      if (port.published && port.published.start < FIRST_UNPRIVILEGED) {
        context.report({ messageId: 'host', data: { ...data, port: port.published.start }, range });
      } else if (port.target && port.target.start < FIRST_UNPRIVILEGED) {
        context.report({ messageId: 'container', data: { ...data, port: port.target.start }, range });
      }
    }
  },
};

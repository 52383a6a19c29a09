import { removeListEntry } from '../../compose/compose-edits';
import { describeService, listEntries, serviceField } from '../../compose/service-fields';
import { rangeOf } from '../../yaml/yaml-document';
import type { ComposeRule } from '../define';

/** Capabilities that break container isolation or reach into the host and its network. */
const DANGEROUS = new Map<string, string>([
  ['ALL', 'every capability'],
  ['SYS_ADMIN', 'mounts, namespaces and most of root\'s powers'],
  ['SYS_MODULE', 'loading kernel modules'],
  ['SYS_PTRACE', 'tracing and reading other processes'],
  ['SYS_RAWIO', 'raw I/O on devices and memory'],
  ['SYS_BOOT', 'rebooting the host'],
  ['SYS_TIME', 'setting the host clock'],
  ['NET_ADMIN', 'reconfiguring the network'],
  ['NET_RAW', 'raw sockets (spoofing, sniffing)'],
  ['DAC_READ_SEARCH', 'reading any file (open_by_handle_at escapes)'],
  ['BPF', 'loading eBPF programs'],
  ['PERFMON', 'kernel performance monitoring'],
  ['MAC_ADMIN', 'changing the mandatory access control policy'],
  ['MAC_OVERRIDE', 'bypassing mandatory access control'],
  ['LINUX_IMMUTABLE', 'changing immutable files'],
  ['SYSLOG', 'reading kernel logs and addresses'],
  ['AUDIT_CONTROL', 'changing the audit configuration'],
]);

export const capAddDangerous: ComposeRule = {
  meta: {
    id: 'compose/cap-add-dangerous',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service adds a dangerous Linux capability',
    rationale:
      'Capabilities such as `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `NET_ADMIN`, `NET_RAW` or `ALL` hand the container powers that break its isolation: mounting file systems, loading kernel modules, tracing other processes, reconfiguring or sniffing the network. Each is a well-trodden container escape or lateral-movement path.',
    remediation:
      'Remove the capability from `cap_add`. If the service needs one specific power, find the narrowest capability for it, and prefer changing the process (a port above 1024 instead of `NET_BIND_SERVICE`, a sidecar instead of `NET_ADMIN`).',
    messages: {
      dangerous: '{service} adds capability `{capability}` ({power}). Remove it from `cap_add`.',
    },
    fix: 'safe',
    equivalents: {
      kics: ['container_capabilities_unrestricted'],
      cis: ['5.4'],
    },
    references: ['https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    example: {
      insecure: 'services:\n  app:\n    image: acme/app:1.0\n    cap_add:\n      - SYS_ADMIN\n      - CHOWN\n',
      secure: 'services:\n  app:\n    image: acme/app:1.0\n    cap_add:\n      - CHOWN\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'cap_add');
    for (const entry of listEntries(field, service.document)) {
      const capability = entry.value.trim().toUpperCase().replace(/^CAP_/, '');
      const power = DANGEROUS.get(capability);
      if (!power) continue;
      const edits = field ? removeListEntry(service.file, service.document, field, entry.seq, entry.index) : [];
      context.report({
        messageId: 'dangerous',
        data: { service: describeService(service, field), capability: entry.value.trim(), power },
        range: field?.inherited ? field.range : rangeOf(entry.written),
        ...(edits.length > 0 ? { fix: { title: `Remove ${entry.value.trim()} from cap_add`, edits } } : {}),
      });
    }
  },
};

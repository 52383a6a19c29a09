import { rewriteString } from '../../compose/compose-edits';
import { contentRange, describeService, isHostPath, isInterpolated, serviceField, type ServiceVolume, serviceVolumes, topLevelVolume } from '../../compose/service-fields';
import type { ComposeService } from '../../compose/model';
import type { TextEdit } from '../../engine/types';
import { asMap, rangeOf, stringValue, valueOf, writtenValueOf } from '../../yaml/yaml-document';
import { setIn } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

/** Host directories whose contents (or writes) hand over the host (KICS `isOSDir`, segment-wise). */
const SYSTEM_DIRS = ['/bin', '/sbin', '/boot', '/cdrom', '/dev', '/etc', '/home', '/lib', '/lib32', '/lib64', '/media', '/proc', '/root', '/run', '/selinux', '/srv', '/usr', '/var', '/sys'];
const RUNTIME_SOCKET = /docker\.sock|(?:containerd|crio|podman|cri-dockerd)\.sock$/;

/** The system directory `path` is or lies in, if any (`/` itself counts). */
export function systemDirOf(path: string): string | undefined {
  const normalized = path.replace(/(?<!\/)\/+$/, '') || '/';
  if (normalized === '/') return '/';
  return SYSTEM_DIRS.find((dir) => normalized === dir || normalized.startsWith(`${dir}/`));
}

export const sensitiveHostMount: ComposeRule = {
  meta: {
    id: 'compose/sensitive-host-mount',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service mounts a sensitive host directory',
    rationale:
      'Bind-mounting the host\'s root or a system directory (`/etc`, `/var`, `/proc`, `/root`, `/usr`, …) exposes host credentials, configuration and other containers\' data to the service, and with write access lets it change the host itself (cron jobs, SSH keys, binaries). Read-only mounts still leak secrets such as `/etc/shadow` or `/root/.ssh`.',
    remediation:
      'Mount only the project directory or a named volume. If the service really needs a host path, mount the narrowest subdirectory, and read-only (`:ro` or `read_only: true`).',
    messages: {
      writable: '{service} bind-mounts the host directory `{path}` read-write ({dir} is a system directory): it can change the host. Mount a narrower path, or add `:ro`.',
      readOnly: '{service} bind-mounts the host directory `{path}` ({dir} is a system directory); even read-only it exposes host files. Mount a narrower path.',
      namedVolume: '{service} mounts volume `{volume}`, which binds the host directory `{path}` ({dir} is a system directory). Bind a project directory instead.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['volume_has_sensitive_host_directory'],
      cis: ['5.6'],
    },
    references: ['https://docs.docker.com/reference/compose-file/services/#volumes'],
    example: {
      insecure: 'services:\n  backup:\n    image: acme/backup:1.2\n    volumes:\n      - /etc:/host/etc\n',
      secure: 'services:\n  backup:\n    image: acme/backup:1.2\n    volumes:\n      - ./backup.conf:/etc/backup.conf:ro\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'volumes');
    for (const volume of serviceVolumes(service, field)) {
      if (volume.source === undefined || volume.interpolated || RUNTIME_SOCKET.test(volume.source)) continue;
      const range = field?.inherited ? field.range : contentRange(service, volume.written);
      const describe = describeService(service, field);
      if (volume.type === 'bind' && isHostPath(volume.source)) {
        const dir = systemDirOf(volume.source);
        if (!dir) continue;
        const data = { service: describe, path: volume.source, dir: dir === '/' ? 'the root file system' : `\`${dir}\`` };
        if (volume.readOnly) {
          context.report({ messageId: 'readOnly', data, range, severity: 'warning' });
          continue;
        }
        const edits = field?.inherited || volume.shared ? [] : readOnlyEdits(service, volume);
        context.report({ messageId: 'writable', data, range, ...(edits.length > 0 ? { fix: { title: `Mount ${volume.source} read-only`, edits } } : {}) });
      } else if (volume.type === 'volume') {
        const device = bindDeviceOf(service, volume.source);
        const dir = device && systemDirOf(device.path);
        if (!device || !dir) continue;
        context.report({
          messageId: 'namedVolume',
          data: { service: describe, volume: volume.source, path: device.path, dir: dir === '/' ? 'the root file system' : `\`${dir}\`` },
          range,
          related: [{ range: device.range, message: `Volume \`${volume.source}\` binds \`${device.path}\` here.` }],
        });
      }
    }
  },
};

/** `:ro` appended in short syntax, `read_only: true` in long syntax. */
function readOnlyEdits(service: ComposeService, volume: ServiceVolume): TextEdit[] {
  if (volume.syntax === 'long') {
    const map = asMap(volume.node);
    return map ? setIn(service.file, service.document, map, ['read_only'], 'true') : [];
  }
  const node = volume.sourceNode;
  if (!node || typeof node.value !== 'string') return [];
  const options = volume.options.filter((option) => option !== 'rw');
  const text = volume.options.length === 0 ? `${node.value}:ro` : `${node.value.slice(0, node.value.length - volume.options.join(',').length)}${['ro', ...options].join(',')}`;
  const edit = rewriteString(service.file, node, text, volume.written);
  return edit ? [edit] : [];
}

/** A top-level local volume that binds a host path (`driver_opts: {o: bind, device: /etc}`). */
function bindDeviceOf(service: ComposeService, name: string): { path: string; range: { start: number; end: number } } | undefined {
  const definition = topLevelVolume(service, name);
  const options = asMap(valueOf(definition, 'driver_opts', service.document));
  for (const key of ['device', 'mountpoint']) {
    const path = stringValue(options, key, service.document);
    if (path && path.startsWith('/') && !isInterpolated(path)) return { path, range: rangeOf(writtenValueOf(options, key)!) };
  }
  return undefined;
}

import { rewriteString } from '../../compose/compose-edits';
import { contentRange, describeService, serviceField, type ServiceVolume, serviceVolumes } from '../../compose/service-fields';
import type { ComposeService } from '../../compose/model';
import type { TextEdit } from '../../engine/types';
import { asMap, keyRange } from '../../yaml/yaml-document';
import { deletePair } from '../../yaml/yaml-edit';
import type { ComposeRule } from '../define';

/** Modes that let mounts cross the container boundary (in both directions for `shared`). */
const PROPAGATING = new Set(['shared', 'rshared', 'slave', 'rslave']);

export const mountPropagation: ComposeRule = {
  meta: {
    id: 'compose/mount-propagation',
    target: 'compose',
    defaultSeverity: 'warning',
    title: 'Service volume propagates mounts to or from the host',
    rationale:
      'With `shared`/`rshared` propagation, mounts the container makes under the volume appear on the host (and in other containers sharing it), so a compromised service can mount over host paths; with `slave`/`rslave`, host mounts appear inside the container later, exposing file systems nobody reviewed for it. The default, `rprivate`, keeps both sides apart.',
    remediation:
      'Remove the propagation setting (`bind.propagation` in the long syntax, the `shared`/`slave` option in the short syntax) so the default private propagation applies.',
    messages: {
      propagation: '{service} mounts `{target}` with `{mode}` propagation, so mounts cross between the host and the container. Remove the propagation setting.',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['volume_mounted_in_multiple_containers'],
      cis: ['5.20'],
    },
    references: ['https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation'],
    example: {
      insecure: 'services:\n  agent:\n    image: acme/agent:1.0\n    volumes:\n      - type: bind\n        source: /mnt/data\n        target: /data\n        bind:\n          propagation: rshared\n',
      secure: 'services:\n  agent:\n    image: acme/agent:1.0\n    volumes:\n      - type: bind\n        source: /mnt/data\n        target: /data\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'volumes');
    for (const volume of serviceVolumes(service, field)) {
      if (volume.propagation === undefined || !PROPAGATING.has(volume.propagation)) continue;
      const edits = field?.inherited || volume.shared ? [] : removePropagation(service, volume);
      context.report({
        messageId: 'propagation',
        data: { service: describeService(service, field), target: volume.target ?? volume.source ?? '?', mode: volume.propagation },
        range: field?.inherited ? field.range : volume.bindMap ? keyRange(volume.bindMap, 'propagation') : contentRange(service, volume.written),
        ...(edits.length > 0 ? { fix: { title: `Remove ${volume.propagation} propagation`, edits } } : {}),
      });
    }
  },
};

function removePropagation(service: ComposeService, volume: ServiceVolume): TextEdit[] {
  if (volume.bindMap) {
    // `bind:` holding nothing else goes with it, rather than staying behind as `bind: {}`.
    const volumeMap = asMap(volume.node);
    if (volume.bindMap.items.length === 1 && volumeMap) return deletePair(service.file, volumeMap, 'bind');
    return deletePair(service.file, volume.bindMap, 'propagation');
  }
  const node = volume.sourceNode;
  if (!node || typeof node.value !== 'string') return [];
  const modeText = volume.options.join(',');
  const base = node.value.slice(0, node.value.length - modeText.length - 1);
  const kept = volume.options.filter((option) => option !== volume.propagation);
  const edit = rewriteString(service.file, node, kept.length > 0 ? `${base}:${kept.join(',')}` : base, volume.written);
  return edit ? [edit] : [];
}

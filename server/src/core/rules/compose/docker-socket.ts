import { removeListEntry } from '../../compose/compose-edits';
import { contentRange, describeService, serviceField, serviceVolumes } from '../../compose/service-fields';
import type { ComposeRule } from '../define';

/** Container runtime sockets: whoever can write to one controls every container on the host. */
const RUNTIME_SOCKET = /docker\.sock|(?:^|\/)(?:containerd|crio|podman|cri-dockerd)\.sock$/;

export const dockerSocket: ComposeRule = {
  meta: {
    id: 'compose/docker-socket',
    target: 'compose',
    defaultSeverity: 'error',
    title: 'Service mounts the container runtime socket',
    rationale:
      'The Docker socket (and containerd\'s, CRI-O\'s, Podman\'s) is the runtime\'s API: a process that can write to it can start a privileged container with the host\'s root file system mounted, which is root on the host. A read-only bind (`:ro`) does not help — it only protects the socket file, not the API behind it.',
    remediation:
      'Remove the volume. Tools that need container metadata can use a socket proxy that allows only the read-only endpoints they need, or the runtime\'s events exported some other way.',
    messages: {
      socket: '{service} mounts the container runtime socket `{path}`: whoever controls the service controls the host. Remove the volume (or put a read-only socket proxy in between).',
    },
    fix: 'suggestion',
    equivalents: {
      kics: ['docker_socket_mounted_in_container'],
      semgrep: ['exposing-docker-socket-volume'],
      cis: ['5.32'],
    },
    references: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
    example: {
      insecure: 'services:\n  ci:\n    image: acme/ci-runner:3.4\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      secure: 'services:\n  ci:\n    image: acme/ci-runner:3.4\n    volumes:\n      - ./work:/work\n',
    },
  },
  check(service, context) {
    const field = serviceField(service, 'volumes');
    for (const volume of serviceVolumes(service, field)) {
      // A bare `/var/run/docker.sock` is an anonymous volume at that container path: no host socket.
      if (volume.type !== 'bind' || volume.source === undefined || volume.interpolated) continue;
      if (!RUNTIME_SOCKET.test(volume.source)) continue;
      const edits = field ? removeListEntry(service.file, service.document, field, volume.seq, volume.index) : [];
      context.report({
        messageId: 'socket',
        data: { service: describeService(service, field), path: volume.source },
        range: field?.inherited ? field.range : contentRange(service, volume.written),
        ...(edits.length > 0 ? { fix: { title: `Remove the ${volume.source} volume`, edits } } : {}),
      });
    }
  },
};

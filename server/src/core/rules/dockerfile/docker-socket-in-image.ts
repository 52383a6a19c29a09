import type { DockerInstruction, DockerWord } from '../../dockerfile/model';
import { removeInstructionLines } from '../../dockerfile/run-edits';
import { removeWord } from '../../dockerfile/word-edits';
import type { TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

export const dockerSocketInImage: DockerfileRule = {
  meta: {
    id: 'dockerfile/docker-socket-in-image',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: '`VOLUME` declares the Docker socket',
    rationale:
      'An image that declares `/var/run/docker.sock` (or `/run/docker.sock`, or the containerd, CRI-O or Podman socket) as a `VOLUME` is built to have the host\'s container runtime socket mounted in. Whoever can talk to that socket can start a privileged container with the host\'s root filesystem: the container, and anyone who compromises it, is root on the host. Both `VOLUME` forms are read (`VOLUME ["/var/run/docker.sock"]` and `VOLUME /var/run/docker.sock`), with paths normalized (`//var/run//docker.sock/`). A `RUN --mount=type=bind,source=/var/run/docker.sock` is not reported: BuildKit takes a bind mount\'s source from the build context or another stage, never from the host, so it cannot reach the host\'s daemon.',
    remediation:
      'Remove the socket from `VOLUME`. If the container really has to drive containers, use a rootless or remote builder (BuildKit, Kaniko, a TLS-protected remote daemon) or a socket proxy that allows only the needed API calls, and never mount the socket of the host that runs it.',
    messages: {
      volume: '`VOLUME` declares the {runtime} socket `{path}`: mounting it gives the container root on the host. Remove it.',
    },
    fix: 'safe',
    equivalents: { cis: ['5.32'], semgrep: ['dockerfile-dockerd-socket-mount'] },
    references: ['CIS Docker Benchmark 5.32 (runtime analogue: the Docker socket is not mounted inside containers)', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
    example: {
      insecure: 'FROM docker:27-cli\nVOLUME ["/var/run/docker.sock", "/data"]\n',
      secure: 'FROM docker:27-cli\nVOLUME ["/data"]\n',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'VOLUME') continue;
      const sockets = instruction.args.filter((arg) => runtimeOf(arg.value) !== undefined);
      if (sockets.length === 0) continue;
      const removeAll = sockets.length === instruction.args.length;
      for (const socket of sockets) {
        const edit = removeAll ? removeInstructionLines(model.text, instruction.range) : removePath(model.text, instruction, socket);
        context.report({
          messageId: 'volume',
          data: { runtime: runtimeOf(socket.value)!, path: socket.value },
          range: socket.range,
          ...(edit ? { fix: { title: removeAll ? 'Delete the `VOLUME`' : `Remove \`${socket.value}\` from \`VOLUME\``, edits: [edit] } } : {}),
        });
      }
    }
  },
};

/** Container runtime sockets, without trailing slashes. */
const SOCKETS: Readonly<Record<string, string>> = {
  '/var/run/docker.sock': 'Docker',
  '/run/docker.sock': 'Docker',
  '/run/containerd/containerd.sock': 'containerd',
  '/var/run/containerd/containerd.sock': 'containerd',
  '/run/crio/crio.sock': 'CRI-O',
  '/var/run/crio/crio.sock': 'CRI-O',
  '/run/podman/podman.sock': 'Podman',
  '/var/run/podman/podman.sock': 'Podman',
};

function runtimeOf(path: string): string | undefined {
  const normalized = path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return Object.hasOwn(SOCKETS, normalized) ? SOCKETS[normalized] : undefined;
}

/** Removes one path of several: in JSON form with the comma after it (or before it, for the last). */
function removePath(text: string, instruction: DockerInstruction, path: DockerWord): TextEdit | undefined {
  if (!instruction.execForm) return removeWord(text, path.range);
  const args = instruction.args;
  const index = args.indexOf(path);
  const next = args[index + 1];
  if (next) return { start: path.range.start, end: next.range.start, newText: '' };
  const previous = args[index - 1];
  return previous ? { start: previous.range.end, end: path.range.end, newText: '' } : undefined;
}

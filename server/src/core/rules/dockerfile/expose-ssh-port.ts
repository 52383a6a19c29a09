import { exposedPorts, type ExposedPort } from '../../dockerfile/ports';
import type { DockerInstruction, DockerWord } from '../../dockerfile/model';
import { keepingDirectives, lineStartOf, nextLineStartOf } from '../../dockerfile/run-edits';
import type { TextEdit } from '../../engine/types';
import type { DockerfileRule } from '../define';

const SSH_PORT = 22;

export const exposeSshPort: DockerfileRule = {
  meta: {
    id: 'dockerfile/expose-ssh-port',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: 'Port 22 (SSH) is exposed',
    rationale:
      'Exposing port 22 means the image is meant to run an SSH server. An SSH daemon in a container is another network service with credentials or keys to steal, its host keys are baked into the image and shared by every container started from it, and it bypasses the runtime\'s own access control and audit (`docker exec`, `kubectl exec`). `EXPOSE` also documents the port and publishes it with `docker run -P`. `22`, `22/tcp`, `22/udp` and port ranges that include 22 (`20-25`) are reported; ports that a build argument decides are not judged.',
    remediation:
      'Remove port 22 from `EXPOSE` and the SSH server from the image. To get a shell in a running container use `docker exec` or `kubectl exec` (or `kubectl debug` with an ephemeral container); to move files use `docker cp` or `kubectl cp`.',
    messages: {
      port: '`EXPOSE {port}` exposes port 22 (SSH): containers should not run an SSH server. Remove it and use `docker exec`/`kubectl exec` instead.',
      range: '`EXPOSE {port}` includes port 22 (SSH): containers should not run an SSH server. Leave 22 out of the range.',
    },
    fix: 'safe',
    equivalents: { checkov: ['CKV_DOCKER_1'], trivy: ['DS-0004'], cis: ['5.7'] },
    references: ['https://docs.docker.com/reference/dockerfile/#expose', 'CIS Docker Benchmark 5.7'],
    example: {
      insecure: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22 8080\nCMD ["/usr/sbin/sshd", "-D"]',
      secure: 'FROM ubuntu:24.04\nEXPOSE 8080\nCMD ["/app/server"]',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      const ports = exposedPorts(instruction, model.escapeCharacter);
      const ssh = ports.filter(coversSsh);
      if (ssh.length === 0) continue;
      // Ports that stay once every port 22 is gone (ranges stay, split around 22).
      const keepsOthers = ports.some((port) => !coversSsh(port) || port.start !== port.end);
      for (const port of ssh) {
        const single = port.start === port.end;
        context.report({
          messageId: single ? 'port' : 'range',
          data: { port: port.value },
          range: port.word.range,
          fix: single
            ? { title: 'Remove port 22 from `EXPOSE`', edits: [keepsOthers ? removePort(instruction, port.word) : deleteLines(model.text, instruction)] }
            : { title: 'Leave port 22 out of the range', edits: [{ ...port.word.range, newText: splitAroundSsh(port) }] },
        });
      }
    }
  },
};

/** TCP and UDP port 22; SCTP port 22 is not SSH. */
function coversSsh(port: ExposedPort): boolean {
  return !port.opaque && port.problem === undefined && port.protocol !== 'sctp' && port.start <= SSH_PORT && SSH_PORT <= port.end;
}

/** `20-25/udp` → `20-21/udp 23-25/udp`, `22-23` → `23`. */
function splitAroundSsh(port: ExposedPort): string {
  const part = (start: number, end: number) => `${start === end ? start : `${start}-${end}`}${port.protocolSuffix}`;
  const parts: string[] = [];
  if (port.start < SSH_PORT) parts.push(part(port.start, SSH_PORT - 1));
  if (port.end > SSH_PORT) parts.push(part(SSH_PORT + 1, port.end));
  return parts.join(' ');
}

/**
 * Deletes a port and the blanks (or line continuation) that separate it from its neighbour:
 * up to the next port, or back to the previous one for the last, so no continuation is left
 * dangling before an empty line.
 */
function removePort(instruction: DockerInstruction, word: DockerWord): TextEdit {
  const index = instruction.args.indexOf(word);
  const next = instruction.args[index + 1];
  if (next) return { start: word.range.start, end: next.range.start, newText: '' };
  const previous = instruction.args[index - 1]!;
  return { start: previous.range.end, end: word.range.end, newText: '' };
}

/** Deletes the lines of `instruction` (an `ONBUILD` prefix on its first line included). */
function deleteLines(text: string, instruction: DockerInstruction): TextEdit {
  return keepingDirectives(text, { start: lineStartOf(text, instruction.range.start), end: nextLineStartOf(text, instruction.range.end) ?? text.length, newText: '' });
}

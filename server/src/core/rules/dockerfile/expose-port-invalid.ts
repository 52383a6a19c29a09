import { exposedPorts, isJsonExpose } from '../../dockerfile/ports';
import type { DockerfileRule } from '../define';

export const exposePortInvalid: DockerfileRule = {
  meta: {
    id: 'dockerfile/expose-port-invalid',
    target: 'dockerfile',
    defaultSeverity: 'warning',
    title: '`EXPOSE` lists an invalid port',
    rationale:
      'Ports are numbers from 0 to 65535, written `port`, `start-end` (a range, low to high) or either with `/tcp`, `/udp` or `/sctp`. Anything else makes the build fail (`invalid containerPort`, `invalid proto`) or, with older builders, records a port that no runtime can publish. `EXPOSE` has no JSON form: `EXPOSE ["80"]` is read as the port `[80]`. Ports that a build argument decides are not judged.',
    remediation:
      'Write ports as numbers in range, e.g. `EXPOSE 8080`, `EXPOSE 8080/tcp 8125/udp` or `EXPOSE 9000-9010`, separated by spaces.',
    messages: {
      outOfRange: '`EXPOSE {port}`: ports are 0 to 65535.',
      reversed: '`EXPOSE {port}`: a port range is written low to high (`{start}-{end}` is empty).',
      protocol: '`EXPOSE {port}`: `{protocol}` is not a protocol; use `tcp`, `udp` or `sctp`.',
      notAPort: '`EXPOSE {port}`: not a port; write a number (`8080`), a range (`9000-9010`), optionally with `/tcp`, `/udp` or `/sctp`.',
      jsonForm: '`EXPOSE` has no JSON form: write the ports separated by spaces, e.g. `EXPOSE {ports}`.',
    },
    fix: 'none',
    equivalents: { hadolint: ['DL3011'], trivy: ['DS-0008'] },
    references: ['https://docs.docker.com/reference/dockerfile/#expose'],
    example: {
      insecure: 'FROM nginx:1.27\nEXPOSE 80800',
      secure: 'FROM nginx:1.27\nEXPOSE 8080',
    },
  },
  check(model, context) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      if (isJsonExpose(instruction)) {
        const first = instruction.args[0]!;
        const last = instruction.args[instruction.args.length - 1]!;
        const ports = instruction.args.map((arg) => arg.value.replace(/[[\]",\s]/g, '')).filter(Boolean).join(' ');
        context.report({ messageId: 'jsonForm', data: { ports: ports || '8080' }, range: { start: first.range.start, end: last.range.end } });
        continue;
      }
      for (const port of exposedPorts(instruction, model.escapeCharacter)) {
        if (port.opaque || !port.problem) continue;
        context.report({
          messageId: port.problem,
          data: { port: port.value, start: port.start, end: port.end, protocol: port.protocolSuffix.slice(1).split('/')[0] ?? '' },
          range: port.word.range,
        });
      }
    }
  },
};

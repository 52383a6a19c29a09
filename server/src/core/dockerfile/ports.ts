/**
 * The ports of an `EXPOSE` instruction, read as BuildKit reads them (go-connections `nat`):
 * `port[/protocol]` or `start-end[/protocol]`, ports 0–65535, protocols `tcp`, `udp`, `sctp`
 * in any case, `tcp` when omitted. Shared by the rules about exposed ports.
 */
import type { DockerInstruction, DockerWord } from './model';
import { hasVariable, unquoteWord } from './word-value';

export const MAX_PORT = 65535;
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export type PortProblem = 'notAPort' | 'outOfRange' | 'reversed' | 'protocol';

export interface ExposedPort {
  readonly word: DockerWord;
  /** The token after quote removal, e.g. `22/tcp`. */
  readonly value: string;
  /** Set when a variable decides the token, or it is a `host:container` mapping: not judged. */
  readonly opaque: boolean;
  readonly start: number;
  readonly end: number;
  /** Lower-cased protocol, `tcp` when omitted. */
  readonly protocol: string;
  /** The protocol as written (with its `/`), or '' when omitted. */
  readonly protocolSuffix: string;
  readonly problem: PortProblem | undefined;
}

/** True for `EXPOSE ["80"]`: EXPOSE has no JSON form, the brackets are read as part of the ports. */
export function isJsonExpose(instruction: DockerInstruction): boolean {
  const first = instruction.args[0];
  return first !== undefined && first.value.startsWith('[');
}

export function exposedPorts(instruction: DockerInstruction, escape: string): ExposedPort[] {
  if (instruction.keyword !== 'EXPOSE' || isJsonExpose(instruction)) return [];
  return instruction.args.map((word) => readPort(word, escape));
}

function readPort(word: DockerWord, escape: string): ExposedPort {
  const value = unquoteWord(word.value, escape);
  const slash = value.indexOf('/');
  const portPart = slash < 0 ? value : value.slice(0, slash);
  // nat.SplitProtoPort: the protocol is the second `/`-part; an empty one means tcp.
  const protocolWritten = slash < 0 ? '' : value.slice(slash + 1).split('/')[0]!;
  const protocol = protocolWritten === '' ? 'tcp' : protocolWritten.toLowerCase();
  const protocolSuffix = slash < 0 ? '' : value.slice(slash);
  const base = { word, value, protocol, protocolSuffix };
  if (hasVariable(word.value) || portPart.includes(':')) {
    return { ...base, opaque: true, start: -1, end: -1, problem: undefined };
  }
  const match = /^(\d+)(?:-(\d+))?$/.exec(portPart);
  if (!match) return { ...base, opaque: false, start: -1, end: -1, problem: 'notAPort' };
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  const problem: PortProblem | undefined =
    start > MAX_PORT || end > MAX_PORT ? 'outOfRange' : end < start ? 'reversed' : !PROTOCOLS.has(protocol) ? 'protocol' : undefined;
  return { ...base, opaque: false, start, end, problem };
}

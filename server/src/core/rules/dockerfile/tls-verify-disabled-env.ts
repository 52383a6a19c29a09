import type { DockerInstruction, DockerProperty } from '../../dockerfile/model';
import { removeInstructionLines, removeRunWord } from '../../dockerfile/run-edits';
import { baseName, isWrapper, unwrapOnce, wrapperOptionCount, type ShellCommand } from '../../dockerfile/shell';
import type { OffsetRange, TextEdit } from '../../engine/types';
import { removeWord } from '../../dockerfile/word-edits';
import type { DockerfileRule } from '../define';

export const tlsVerifyDisabledEnv: DockerfileRule = {
  meta: {
    id: 'dockerfile/tls-verify-disabled-env',
    target: 'dockerfile',
    defaultSeverity: 'error',
    title: 'An environment variable turns off TLS certificate verification',
    rationale:
      'Some variables switch off certificate checks for every program that reads them: `PYTHONHTTPSVERIFY=0` (Python\'s `urllib`/`http.client`), `NODE_TLS_REJECT_UNAUTHORIZED=0` (every Node.js TLS connection), `NPM_CONFIG_STRICT_SSL=false` (npm, any case of the name), `GIT_SSL_NO_VERIFY` set to anything, even empty (git), and a non-empty `PIP_TRUSTED_HOST` (pip skips HTTPS checks for those hosts). Set with `ENV` they stay on in every container started from the image; with `ARG` (a default value) or in a `RUN` (`VAR=… cmd`, `export VAR=…`, `env VAR=… cmd`) they expose the build to a man in the middle that can swap packages and sources. An `ARG` without a default sets nothing and is not reported; values built from variables are reported only for `GIT_SSL_NO_VERIFY`, which acts on any value.',
    remediation:
      'Delete the assignment. When a server uses a private CA, install its certificate in the image instead (`update-ca-certificates`), or point the tool at it (`NODE_EXTRA_CA_CERTS`, `PIP_CERT`, `GIT_SSL_CAINFO`, `npm config set cafile`).',
    messages: {
      env: '`ENV {name}={value}` turns off TLS certificate verification for {tool} in the image and every container started from it. Delete it.',
      arg: '`ARG {name}={value}` turns off TLS certificate verification for {tool} in the build steps after it. Delete it.',
      run: '`{name}={value}` turns off TLS certificate verification for {tool} in this `RUN`. Delete the assignment.',
    },
    fix: 'safe',
    equivalents: { checkov: ['CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_14', 'CKV2_DOCKER_16'] },
    references: ['https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue', 'https://git-scm.com/docs/git#Documentation/git.txt-codeGITSSLNOVERIFYcode', 'https://peps.python.org/pep-0493/'],
    example: {
      insecure: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\n',
      secure: 'FROM node:22\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates && npm ci\n',
    },
  },
  check(model, context) {
    const text = model.text;
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        instruction.properties.forEach((property, index) => {
          if (property.value === undefined) return;
          const tool = disabledBy(property.name, property.value);
          if (!tool) return;
          context.report({
            messageId: instruction.keyword === 'ENV' ? 'env' : 'arg',
            data: { name: property.name, value: shown(property.value), tool },
            range: property.range,
            fix: { title: `Delete \`${property.name}\``, edits: [removeProperty(text, instruction, index)] },
          });
        });
        continue;
      }
      if (instruction.keyword !== 'RUN') continue;
      for (const command of instruction.shell?.commands ?? []) {
        for (const found of assignmentsOf(text, instruction, command)) {
          const tool = disabledBy(found.name, found.value);
          if (!tool) continue;
          context.report({
            messageId: 'run',
            data: { name: found.name, value: shown(found.value), tool },
            range: found.range,
            ...(found.removal ? { fix: { title: `Delete \`${found.name}=…\``, edits: [found.removal] } } : {}),
          });
        }
      }
    }
  },
};

/** The tool whose verification `name=value` turns off, or undefined when it does not. */
function disabledBy(name: string, value: string | undefined): string | undefined {
  // An unknown value (an expansion) only counts where any value does.
  if (name === 'GIT_SSL_NO_VERIFY') return 'git';
  if (value === undefined || value.includes('$')) return undefined;
  const trimmed = value.trim();
  if (name === 'PYTHONHTTPSVERIFY' && trimmed === '0') return 'Python';
  if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && trimmed === '0') return 'Node.js';
  if (name.toUpperCase() === 'NPM_CONFIG_STRICT_SSL' && trimmed.toLowerCase() === 'false') return 'npm';
  if (name === 'PIP_TRUSTED_HOST' && trimmed !== '') return 'pip';
  return undefined;
}

function shown(value: string | undefined): string {
  if (value === undefined) return '…';
  return value.length > 40 ? `${value.slice(0, 37)}…` : value;
}

/**
 * Deletes a property of `ENV`/`ARG`; the whole instruction when it is the only one. The last
 * property of several goes with the blanks (and line continuation) before it, so no
 * continuation is left dangling into the next instruction.
 */
function removeProperty(text: string, instruction: DockerInstruction, index: number): TextEdit {
  const properties: readonly DockerProperty[] = instruction.properties;
  // For `ONBUILD ENV X=1` the lines are the ONBUILD's.
  if (properties.length === 1) return removeInstructionLines(text, instruction.range);
  const property = properties[index]!;
  if (index === properties.length - 1) return { start: properties[index - 1]!.range.end, end: property.range.end, newText: '' };
  return removeWord(text, property.range);
}

interface FoundAssignment {
  readonly name: string;
  readonly value: string | undefined;
  readonly range: OffsetRange;
  readonly removal: TextEdit | undefined;
}

const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'local', 'readonly', 'nameref']);
const ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/**
 * The variables a command sets: its `VAR=value` prefixes (also of a bare assignment), the
 * operands of `export`/`declare -x`, and the `VAR=value` operands of `env`/`sudo`.
 */
function assignmentsOf(text: string, instruction: DockerInstruction, command: ShellCommand): FoundAssignment[] {
  const found: FoundAssignment[] = [];
  const name = command.name === undefined ? undefined : baseName(command.name);
  const declaration = name !== undefined && DECLARATIONS.has(name);
  // `local`, `readonly`, `declare` without `-x` set shell variables that programs do not see.
  const exported = name === 'export' || (declaration && command.args.some((arg) => /^-[a-zA-Z]*x/.test(arg.value ?? '')));
  if (!declaration || exported) {
    // A prefix of a command can always go; a bare `A=1` or `export A=1` only while something else is left.
    const operands = command.assignments.length + (declaration ? command.args.length : 0);
    const removable = (command.nameWord !== undefined && !declaration) || operands > 1;
    for (const assignment of command.assignments) {
      const written = `${assignment.name}=${assignment.value?.raw ?? ''}`;
      const exact = text.slice(assignment.range.start, assignment.range.end) === written;
      found.push({
        name: assignment.name,
        value: assignment.value ? assignment.value.value : '',
        range: assignment.range,
        removal: removable && exact ? removeWord(text, assignment.range) : undefined,
      });
    }
  }
  // `env A=1 cmd`, `sudo A=1 cmd`: operands of wrappers.
  for (let current: ShellCommand | undefined = command, guard = 0; current && isWrapper(current) && guard < 8; current = unwrapOnce(current), guard++) {
    for (const word of current.args.slice(wrapperOptionCount(current))) {
      const match = word.value === undefined ? ASSIGNMENT_WORD.exec(word.raw) : ASSIGNMENT_WORD.exec(word.value);
      if (!match) break;
      found.push({ name: match[1]!, value: word.value === undefined ? undefined : match[2], range: word.range, removal: removeRunWord(text, instruction, command, word) });
    }
  }
  return found;
}

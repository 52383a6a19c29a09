/**
 * For the SARIF tests: the official SARIF 2.1.0 schema, as `@microsoft/jest-sarif` ships it
 * (JSON Schema draft-04, so `ajv-draft-04`; one of its patterns is not a valid unicode regular
 * expression, hence `unicodeRegExp: false`), with the `uri` and `date-time` formats checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
export const SARIF_SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validator: ValidateFunction | undefined;

/** The schema errors of `log` ('' when it is valid SARIF 2.1.0). */
export function sarifSchemaErrors(log: unknown): string {
  if (!validator) {
    const ajv = new Ajv({ unicodeRegExp: false, allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as object);
  }
  if (validator(log)) return '';
  return (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}

/** The parts of a SARIF log the tests look at. */
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
  fixes?: {
    description: { text: string };
    artifactChanges: { artifactLocation: SarifArtifactLocation; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[];
  }[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { enabled: boolean; level: string };
  properties: { tags: string[] } & Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region?: Partial<SarifRegion> } }[] }[];
    }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

/**
 * Applies SARIF replacements to a file's text, counting lines as SARIF does (CR, LF and CRLF end
 * a line) and columns in UTF-16 code units; the end column is exclusive.
 */
export function applyReplacements(text: string, replacements: readonly { deletedRegion: SarifRegion; insertedContent: { text: string } }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
  const offset = (line: number, column: number) => lineStarts[line - 1]! + column - 1;
  const edits = replacements
    .map(({ deletedRegion: region, insertedContent }) => ({
      start: offset(region.startLine, region.startColumn),
      end: offset(region.endLine, region.endColumn),
      text: insertedContent.text,
    }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

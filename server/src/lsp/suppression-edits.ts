/**
 * Edits that add suppression comments (SPEC §3): `# bulkhead-ignore <id>` on its own line above
 * a finding, indented like that line, and `# bulkhead-ignore-file <id>` at the top of the file
 * (after a Dockerfile's parser directives). An existing suppression comment in the same place
 * gets the id appended instead of a second comment.
 */
import type { AnalysisResult, Finding, TextEdit } from '../core/index';

const PARSER_DIRECTIVE = /^#\s*(syntax|escape|check)\s*=/i;

export function ignoreLineEdit(text: string, result: AnalysisResult, finding: Finding): TextEdit {
  const { lines } = result;
  const line = lines.positionAt(finding.range.start).line;
  const existing = result.suppressions.find(
    (suppression) =>
      suppression.source === 'bulkhead' &&
      suppression.scope === 'line' &&
      suppression.ruleIds !== 'all' &&
      suppression.firstLine === line &&
      lines.positionAt(suppression.range.start).line === line - 1,
  );
  if (existing) return appendId(text, existing.range.start, existing.range.end, finding.ruleId);
  const start = lineStartAfterBom(text, result, line);
  const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))![0];
  return { start, end: start, newText: `${indent}# bulkhead-ignore ${finding.ruleId}${eolOf(text)}` };
}

export function ignoreFileEdit(text: string, result: AnalysisResult, ruleId: string): TextEdit {
  const existing = result.suppressions.find((suppression) => suppression.source === 'bulkhead' && suppression.scope === 'file' && suppression.ruleIds !== 'all');
  if (existing) return appendId(text, existing.range.start, existing.range.end, ruleId);
  const { lines } = result;
  const eol = eolOf(text);
  let line = 0;
  if (result.kind === 'dockerfile') {
    while (line < lines.lineCount && PARSER_DIRECTIVE.test(text.slice(lineStartAfterBom(text, result, line), lines.lineEnd(line)))) line++;
  }
  if (line >= lines.lineCount) {
    // Only directives, the last one without a line break: start a new line.
    return { start: text.length, end: text.length, newText: `${eol}# bulkhead-ignore-file ${ruleId}${eol}` };
  }
  const start = lineStartAfterBom(text, result, line);
  return { start, end: start, newText: `# bulkhead-ignore-file ${ruleId}${eol}` };
}

/** `# bulkhead-ignore a -- why` + `b` → `# bulkhead-ignore a,b -- why`. */
function appendId(text: string, commentStart: number, commentEnd: number, ruleId: string): TextEdit {
  const comment = text.slice(commentStart, commentEnd);
  const reasonAt = comment.indexOf(' -- ');
  const idsEnd = commentStart + (reasonAt >= 0 ? comment.slice(0, reasonAt) : comment).trimEnd().length;
  return { start: idsEnd, end: idsEnd, newText: `,${ruleId}` };
}

function lineStartAfterBom(text: string, result: AnalysisResult, line: number): number {
  const start = result.lines.lineStart(line);
  return start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

function eolOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text.charCodeAt(newline - 1) === 13 ? '\r\n' : '\n';
}

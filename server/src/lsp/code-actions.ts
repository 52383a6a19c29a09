/**
 * Code actions over one analysed document: a quick fix per fixable finding, "fix all <rule>",
 * `source.fixAll.bulkhead` (safe fixes only) and suppression comments. Findings are matched by
 * rule id and range, never by message text.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { CHANGE_ME, type AnalysisResult, type Finding, type RefactorOffer, type TextEdit } from '../core/index';
import { isFindingData, SOURCE } from './diagnostics';
import { minimalEdit } from './fix-all';
import { toLspEdit, toOffset, toRange, touches } from './positions';
import { ignoreFileEdit, ignoreLineEdit } from './suppression-edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bulkhead`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

export interface CodeActionInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly result: AnalysisResult;
  readonly params: CodeActionParams;
  /** The text after applying safe fixes (of one rule, or of all rules), or undefined when nothing changes. */
  readonly fixAll: (ruleId?: string) => string | undefined;
  /** Whether the client takes versioned `documentChanges` (so a stale edit is refused). */
  readonly versionedEdits: boolean;
  /** The refactorings offered for the document (computed only when asked for). */
  readonly refactors: () => readonly RefactorOffer[];
  /** Whether the client can create files in a workspace edit (refactorings that add a file need it). */
  readonly createFiles: boolean;
  /** Whether the client takes snippet edits: placeholders then become tab stops. */
  readonly snippetEdits: boolean;
  /** Whether the document is a Dockerfile (its refactorings apply to the whole file wherever the cursor is). */
  readonly wholeFileRefactors: boolean;
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { result, params } = input;
  const wants = kindFilter(params.context.only);
  const actions: CodeAction[] = [];
  const requested = { start: toOffset(result.lines, params.range.start), end: toOffset(result.lines, params.range.end) };
  const here = result.findings.filter((finding) => touches(finding.range, requested));

  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of here) {
      if (!finding.fix || finding.fix.edits.length === 0) continue;
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: finding.fix.safe,
        diagnostics: diagnosticsOf(finding, input),
        edit: workspaceEdit(input, finding.fix.edits),
      });
    }
    for (const ruleId of unique(here.map((finding) => finding.ruleId))) {
      const fixable = result.findings.filter((finding) => finding.ruleId === ruleId && finding.fix?.safe);
      if (fixable.length < 2) continue;
      const fixed = input.fixAll(ruleId);
      if (fixed === undefined) continue;
      actions.push({
        title: `Fix all ${ruleId} problems in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: fixable.flatMap((finding) => diagnosticsOf(finding, input)),
        edit: workspaceEdit(input, [minimalEdit(input.text, fixed)]),
      });
    }
    const ignoredLines = new Set<string>();
    for (const finding of here) {
      const key = `${finding.ruleId}@${result.lines.positionAt(finding.range.start).line}`;
      if (ignoredLines.has(key)) continue;
      ignoredLines.add(key);
      actions.push({
        title: `Ignore ${finding.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnosticsOf(finding, input),
        edit: workspaceEdit(input, [ignoreLineEdit(input.text, result, finding)]),
      });
    }
    for (const ruleId of unique(here.map((finding) => finding.ruleId))) {
      actions.push({
        title: `Ignore ${ruleId} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: here.filter((finding) => finding.ruleId === ruleId).flatMap((finding) => diagnosticsOf(finding, input)),
        edit: workspaceEdit(input, [ignoreFileEdit(input.text, result, ruleId)]),
      });
    }
  }

  if (wants(CodeActionKind.RefactorRewrite)) {
    const resolvedHere = new Set(here.map((finding) => finding.ruleId));
    for (const offer of input.refactors()) {
      const applies = input.wholeFileRefactors || touches(offer.range, requested) || offer.resolves.some((ruleId) => resolvedHere.has(ruleId));
      if (!applies || (offer.newFiles?.length && !input.createFiles)) continue;
      actions.push({
        title: offer.title,
        kind: CodeActionKind.RefactorRewrite,
        diagnostics: here.filter((finding) => offer.resolves.includes(finding.ruleId)).flatMap((finding) => diagnosticsOf(finding, input)),
        edit: refactorEdit(input, offer),
      });
    }
  }

  if (wants(FIX_ALL_KIND) && result.findings.some((finding) => finding.fix?.safe)) {
    const fixed = input.fixAll();
    if (fixed !== undefined) {
      actions.push({ title: 'Fix all auto-fixable Bulkhead problems', kind: FIX_ALL_KIND, edit: workspaceEdit(input, [minimalEdit(input.text, fixed)]) });
    }
  }
  return actions;
}

/** `context.only` semantics: a kind is wanted when it equals or refines one of the requested kinds. */
function kindFilter(only: readonly string[] | undefined): (kind: string) => boolean {
  if (!only || only.length === 0) return () => true;
  return (kind) => only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** The client's diagnostics that stand for this finding: same rule id, same range. */
function diagnosticsOf(finding: Finding, input: CodeActionInput): Diagnostic[] {
  const range = toRange(input.result.lines, finding.range);
  return input.params.context.diagnostics.filter(
    (diagnostic) =>
      diagnostic.source === SOURCE &&
      (isFindingData(diagnostic.data) ? diagnostic.data.ruleId : diagnostic.code) === finding.ruleId &&
      diagnostic.range.start.line === range.start.line &&
      diagnostic.range.start.character === range.start.character &&
      diagnostic.range.end.line === range.end.line &&
      diagnostic.range.end.character === range.end.character,
  );
}

function workspaceEdit(input: CodeActionInput, edits: readonly TextEdit[]): WorkspaceEdit {
  const lspEdits = edits.map((edit) => toLspEdit(input.result.lines, edit));
  if (input.versionedEdits) return { documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits: lspEdits }] };
  return { changes: { [input.uri]: lspEdits } };
}

/**
 * The document's edits plus, for each new file, a create operation and its text. Where the client
 * takes snippet edits, the first edit holding `CHANGE-ME` placeholders turns them into tab stops
 * (editors apply one snippet per document).
 */
function refactorEdit(input: CodeActionInput, offer: RefactorOffer): WorkspaceEdit {
  const newFiles = offer.newFiles ?? [];
  const snippetAt = input.snippetEdits ? offer.edits.findIndex((edit) => edit.newText.includes(CHANGE_ME)) : -1;
  if (newFiles.length === 0 && snippetAt < 0) return workspaceEdit(input, offer.edits);
  const directory = input.uri.slice(0, input.uri.lastIndexOf('/') + 1);
  const documentEdits = offer.edits.length > 0
    ? [{
        textDocument: { uri: input.uri, version: input.version },
        edits: offer.edits.map((edit, index) => {
          const lspEdit = toLspEdit(input.result.lines, edit);
          return index === snippetAt ? { range: lspEdit.range, snippet: { kind: 'snippet' as const, value: withTabStops(edit.newText) } } : lspEdit;
        }),
      }]
    : [];
  return {
    documentChanges: [
      ...documentEdits,
      ...newFiles.flatMap((file) => {
        const uri = directory + file.path.split('/').map(encodeURIComponent).join('/');
        return [
          { kind: 'create' as const, uri, options: { overwrite: false, ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.text }] },
        ];
      }),
    ],
  };
}

/** Snippet text: literal text escaped, each `CHANGE-ME` a numbered tab stop that starts out as itself. */
export function withTabStops(text: string): string {
  let stop = 0;
  return text
    .split(CHANGE_ME)
    .map((literal) => literal.replace(/[\\$}]/g, (character) => `\\${character}`))
    .reduce((snippet, literal) => `${snippet}\${${++stop}:${CHANGE_ME}}${literal}`);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

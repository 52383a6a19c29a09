/**
 * Splits a YAML stream into one chunk per document, so that an edit re-parses only the document
 * it touched. A line starting with `---` (followed by a blank or the line end) is a document
 * marker wherever it appears — the YAML spec forbids it as content at column 0, even inside
 * block or quoted scalars — so this cut agrees with the parser's own, at the cost of one pass
 * over the text.
 */
export interface YamlChunk {
  /** Offset of the chunk's first character in the whole text. */
  readonly start: number;
  readonly text: string;
}

export function splitYamlDocuments(text: string): YamlChunk[] {
  const chunks: YamlChunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  // A lone CR ends a line too (the parser reads it so, see parseYamlFile): the next one is looked
  // up only once passed, so that a file without any stays a run of native `indexOf('\n')`.
  let carriageReturn = text.indexOf('\r');
  // A chunk of only comments, blank lines and directives (`%YAML`) stays with the document after it.
  let chunkHasContent = false;
  while (lineStart < text.length) {
    if (isDocumentStart(text, lineStart)) {
      if (chunkHasContent) {
        chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineStart) });
        chunkStart = lineStart;
      }
      chunkHasContent = true;
    } else if (!chunkHasContent && isContentLine(text, lineStart)) {
      chunkHasContent = true;
    }
    const newline = text.indexOf('\n', lineStart);
    if (carriageReturn >= 0 && carriageReturn < lineStart) carriageReturn = text.indexOf('\r', lineStart);
    const loneCarriageReturn = carriageReturn >= 0 && (newline < 0 || carriageReturn < newline - 1);
    if (loneCarriageReturn) lineStart = carriageReturn + 1;
    else if (newline < 0) break;
    else lineStart = newline + 1;
  }
  chunks.push({ start: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}

function isDocumentStart(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const next = text[at + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

function isContentLine(text: string, at: number): boolean {
  let index = at;
  while (text[index] === ' ' || text[index] === '\t') index++;
  const first = text[index];
  return first !== undefined && first !== '\n' && first !== '\r' && first !== '#' && !(index === at && first === '%');
}

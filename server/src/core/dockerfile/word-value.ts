/**
 * The value BuildKit sees for a Dockerfile word after its shell-word processing: quotes removed,
 * escapes resolved (variables are left as written). Words in the model keep their quotes.
 */

/** `"22/tcp"` → `22/tcp`, `'a b'` → `a b`, `a\ b` → `a b`; `escape` is the file's escape character. */
export function unquoteWord(raw: string, escape: string): string {
  let value = '';
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else value += char;
      continue;
    }
    if (char === escape && index + 1 < raw.length) {
      const next = raw[index + 1]!;
      // Inside double quotes only `"`, `$` and the escape character itself are escaped.
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) {
        value += char;
        continue;
      }
      value += next;
      index++;
      continue;
    }
    if (char === '"') {
      quote = quote === '"' ? undefined : '"';
      continue;
    }
    if (char === "'" && quote === undefined) {
      quote = "'";
      continue;
    }
    value += char;
  }
  return value;
}

/** True when the word uses a variable (`$NAME`, `${NAME}`) that BuildKit expands. */
export function hasVariable(raw: string): boolean {
  return /\$(?:\{|[A-Za-z_])/.test(raw);
}

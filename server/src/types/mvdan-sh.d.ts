/** The subset of mvdan-sh (GopherJS build of mvdan.cc/sh/v3/syntax) that Bulkhead uses. */
declare module 'mvdan-sh' {
  export interface Pos {
    Offset(): number;
    Line(): number;
    Col(): number;
  }
  export interface Node {
    Pos(): Pos;
    End(): Pos;
  }
  export interface WordPart extends Node {
    Value?: string;
    Parts?: WordPart[];
  }
  export interface Word extends Node {
    Parts: WordPart[];
    Lit(): string;
  }
  export interface Assign extends Node {
    Name: { Value: string } | null;
    Value: Word | null;
    /** True for declaration operands without `=`: options (`-x`, in Value) and bare names (in Name). */
    Naked: boolean;
  }
  /** `export`, `declare`, `local`, `readonly`, `typeset`, `nameref` with their operands. */
  export interface DeclClause extends Node {
    Variant: Node & { Value: string };
    Args: Assign[];
  }
  export interface CallExpr extends Node {
    Assigns: Assign[];
    Args: Word[];
  }
  export interface BinaryCmd extends Node {
    Op: number;
    OpPos: Pos;
    X: Node;
    Y: Node;
  }
  export interface File extends Node {}
  export interface Parser {
    Parse(src: string, name: string): File;
  }
  export type ParserOption = { readonly __brand: 'ParserOption' };
  export const syntax: {
    NewParser(...options: ParserOption[]): Parser;
    KeepComments(enabled: boolean): ParserOption;
    Variant(lang: unknown): ParserOption;
    LangBash: unknown;
    LangPOSIX: unknown;
    Walk(node: Node, visit: (node: Node | null) => boolean): void;
    NodeType(node: Node): string;
  };
}

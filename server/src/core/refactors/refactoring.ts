/**
 * Refactorings: one-click rewrites that make a whole file (or resource) secure — a multi-stage
 * Dockerfile with a distroless final stage, a hardened securityContext, an ExternalSecret.
 * Unlike rule fixes they are computed on demand (when the editor asks for code actions), never
 * on a keystroke, and a refactoring that cannot be sure of its result offers nothing.
 */
import type { OffsetRange, TextEdit } from '../engine/types';
import type { WorkspaceView } from '../workspace/workspace-index';

/** A file a refactoring creates, next to the file it rewrites. */
export interface NewFile {
  /** Path relative to the rewritten file's directory, `/`-separated (e.g. `api-networkpolicy.yaml`). */
  readonly path: string;
  readonly text: string;
}

export interface RefactorOffer {
  /** The refactoring's id, e.g. `dockerfile/distroless`. */
  readonly id: string;
  /** Shown in the lightbulb menu: says what it does. */
  readonly title: string;
  /** Where it applies: the editor offers it when the cursor is inside (and on findings of `resolves`). */
  readonly range: OffsetRange;
  /** Rule ids whose findings it resolves; it is offered on those findings too. */
  readonly resolves: readonly string[];
  /** Minimal edits to the file (everything else stays byte-identical). */
  readonly edits: readonly TextEdit[];
  readonly newFiles?: readonly NewFile[];
  /**
   * Whether `bulkhead scan --fix` may apply it unattended. Refactorings with `CHANGE-ME`
   * placeholders, or that change how the image is built, are never safe.
   */
  readonly safe: boolean;
}

/** What a refactoring may look at besides its subject. */
export interface RefactorContext {
  /** The rewritten file's name (for naming new files). */
  readonly fileName: string;
  /** The workspace index with this file's objects as they are now, when there is one. */
  readonly workspace?: WorkspaceView;
}

export interface Refactoring<Subject> {
  readonly id: string;
  /** What it does, for docs and the README. */
  readonly description: string;
  offers(subject: Subject, context: RefactorContext): RefactorOffer[];
}

/** Marks a value a human must choose, where the client cannot offer snippet tab stops. */
export const CHANGE_ME = 'CHANGE-ME';

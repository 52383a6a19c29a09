/**
 * The workspace index: every Kubernetes object of every analysed file, by file and by kind.
 * The language server and the CLI fill it from analysis results; cross-file rules read it
 * through a {@link WorkspaceView}. Pure data — it never reads files itself.
 */
import type { WorkspaceObject } from './objects';

export interface WorkspaceEntry {
  readonly file: string;
  readonly object: WorkspaceObject;
}

/** The index as one file's cross-file rules see it: that file's own objects as they are now. */
export interface WorkspaceView {
  ofKind(kind: string): readonly WorkspaceEntry[];
}

/** Kinds whose presence or absence other files' findings depend on. */
const REFERENCED_KINDS = new Set(['NetworkPolicy', 'ServiceAccount', 'Secret', 'ConfigMap', 'Namespace', 'LimitRange', 'ResourceQuota', 'Role', 'ClusterRole', 'ExternalSecret', 'SealedSecret']);

export class WorkspaceIndex {
  private readonly byFile = new Map<string, readonly WorkspaceObject[]>();
  /** Per kind, per file: kept up to date by {@link set}, so recording a file costs its own objects only. */
  private readonly byKindAndFile = new Map<string, Map<string, WorkspaceEntry[]>>();
  /** Per kind, all its entries: flattened on first use after a {@link set} touched the kind. */
  private readonly byKind = new Map<string, readonly WorkspaceEntry[]>();

  /**
   * Records a file's objects. Returns true when other files' cross-file findings may have
   * changed: a referenced kind (a NetworkPolicy, a ServiceAccount, a Role, …) appeared, changed
   * or went. {@link dependentsOf} then says which files.
   */
  set(file: string, objects: readonly WorkspaceObject[]): boolean {
    const before = this.byFile.get(file) ?? [];
    if (objects.length === 0) this.byFile.delete(file);
    else this.byFile.set(file, objects);
    for (const { kind } of before) {
      this.byKindAndFile.get(kind)?.delete(file);
      this.byKind.delete(kind);
    }
    for (const object of objects) {
      let files = this.byKindAndFile.get(object.kind);
      if (!files) this.byKindAndFile.set(object.kind, (files = new Map()));
      let entries = files.get(file);
      if (!entries) files.set(file, (entries = []));
      entries.push({ file, object });
      this.byKind.delete(object.kind);
    }
    return referencedIdentity(before) !== referencedIdentity(objects);
  }

  delete(file: string): boolean {
    return this.set(file, []);
  }

  objectsOf(file: string): readonly WorkspaceObject[] {
    return this.byFile.get(file) ?? [];
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  view(file?: string, current?: readonly WorkspaceObject[]): WorkspaceView {
    if (file === undefined || current === undefined) return { ofKind: (kind) => this.entriesOf(kind) };
    // Each kind's list is built once per view: rules ask for the same kinds for every object.
    const merged = new Map<string, readonly WorkspaceEntry[]>();
    return {
      ofKind: (kind) => {
        let entries = merged.get(kind);
        if (!entries) {
          entries = [
            ...this.entriesOf(kind).filter((entry) => entry.file !== file),
            ...current.filter((object) => object.kind === kind).map((object) => ({ file, object })),
          ];
          merged.set(kind, entries);
        }
        return entries;
      },
    };
  }

  /** The other files whose cross-file findings depend on what other files define: those with workloads, namespaces or role bindings. */
  dependentsOf(file: string): string[] {
    return [...this.byFile.entries()]
      .filter(([other, objects]) => other !== file && objects.some((object) => object.podTemplate !== undefined || object.kind === 'Namespace' || object.binding !== undefined))
      .map(([other]) => other);
  }

  private entriesOf(kind: string): readonly WorkspaceEntry[] {
    let entries = this.byKind.get(kind);
    if (!entries) {
      entries = [...(this.byKindAndFile.get(kind)?.values() ?? [])].flat();
      this.byKind.set(kind, entries);
    }
    return entries;
  }
}

function referencedIdentity(objects: readonly WorkspaceObject[]): string {
  return JSON.stringify(objects.filter((object) => REFERENCED_KINDS.has(object.kind)).map(identity));
}

/** What about an object other files can depend on (not its ranges, which move with every edit). */
function identity(object: WorkspaceObject): unknown {
  return [object.kind, object.name, object.namespace, [...object.labels], object.dataKeys, object.podSelector && [[...object.podSelector.matchLabels], object.podSelector.matchExpressions], object.dangerousGrants];
}

/**
 * Wraps one pod-spec snippet in every workload kind, so container and pod rules are tested
 * wherever pod specs live. Expected positions are written relative to the snippet and shifted
 * by {@link WrappedWorkload.at}.
 */
export interface WrappedWorkload {
  readonly kind: string;
  readonly text: string;
  /** Maps a 1-based (line, column) inside the snippet to the position in the wrapped manifest. */
  at(line: number, column: number): { line: number; column: number };
}

interface Shape {
  readonly kind: string;
  readonly apiVersion: string;
  /** Lines before the pod spec's contents; the snippet goes under the last one. */
  readonly head: readonly string[];
  readonly indent: number;
}

const SHAPES: readonly Shape[] = [
  { kind: 'Pod', apiVersion: 'v1', head: ['spec:'], indent: 2 },
  { kind: 'PodTemplate', apiVersion: 'v1', head: ['template:', '  spec:'], indent: 4 },
  ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].map((kind) => ({
    kind,
    apiVersion: 'apps/v1',
    head: ['spec:', '  template:', '    spec:'],
    indent: 6,
  })),
  { kind: 'ReplicationController', apiVersion: 'v1', head: ['spec:', '  template:', '    spec:'], indent: 6 },
  { kind: 'Job', apiVersion: 'batch/v1', head: ['spec:', '  template:', '    spec:'], indent: 6 },
  {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    head: ['spec:', '  schedule: "0 * * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:'],
    indent: 10,
  },
];

export const WORKLOAD_KIND_NAMES: readonly string[] = SHAPES.map((shape) => shape.kind);

/** `podSpec` is the pod spec's contents at indentation 0, e.g. "containers:\n  - name: app\n". */
export function inEveryWorkloadKind(podSpec: string, name = 'app'): WrappedWorkload[] {
  return SHAPES.map((shape) => {
    const header = [`apiVersion: ${shape.apiVersion}`, `kind: ${shape.kind}`, 'metadata:', `  name: ${name}`, ...shape.head];
    const pad = ' '.repeat(shape.indent);
    const body = podSpec
      .split('\n')
      .map((line) => (line === '' ? line : pad + line))
      .join('\n');
    return {
      kind: shape.kind,
      text: `${header.join('\n')}\n${body}`,
      at: (line, column) => ({ line: line + header.length, column: column + shape.indent }),
    };
  });
}

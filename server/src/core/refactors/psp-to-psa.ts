/**
 * `k8s/psp-to-psa`: a PodSecurityPolicy (`policy/v1beta1`, `extensions/v1beta1`; gone since
 * Kubernetes 1.25) becomes Pod Security Admission labels. The level is read off what the PSP
 * admitted: `restricted` when it forbade everything the restricted profile forbids, else
 * `baseline`. `privileged` is never proposed — when the PSP admitted what even baseline forbids,
 * the title says so and baseline is still proposed (pods that need more must be changed, or their
 * namespace labelled by a human).
 *
 * Every Namespace of the same file gets `pod-security.kubernetes.io/enforce: <level>` (one that
 * already has an `enforce` label is left alone, and named in the title); with no Namespace in the
 * file, `namespace-pod-security.yaml` is created with a `CHANGE-ME` Namespace carrying the label.
 * The PSP's document is removed (the API server no longer serves it); other documents stay
 * byte-identical. PSPs inside a `List` are not offered it.
 *
 * Ground truth for the levels: the Pod Security Standards page and the PSP-to-PSA mapping page of
 * the Kubernetes documentation.
 */
import type { TextEdit } from '../engine/types';
import { describeResource, resourcesOf, type KubernetesResource } from '../kubernetes/model';
import { splitYamlDocuments } from '../yaml/yaml-chunks';
import { asMap, mapAt, scalarValue, seqItems, stringItems, stringValue, valueOf, type YamlMap } from '../yaml/yaml-document';
import { eol, setIn } from '../yaml/yaml-edit';
import { CHANGE_ME, type NewFile, type RefactorOffer, type Refactoring } from './refactoring';

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const NAMESPACE_FILE = 'namespace-pod-security.yaml';
const PSP_API_VERSIONS = new Set(['policy/v1beta1', 'extensions/v1beta1']);
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** Volume types the restricted profile admits. */
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);
/** Capabilities the baseline profile lets a container add. */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const SECCOMP_ALLOWED = 'seccomp.security.alpha.kubernetes.io/allowedProfileNames';

export type PodSecurityLevel = 'restricted' | 'baseline';

export interface PspVerdict {
  readonly level: PodSecurityLevel;
  /** What the PSP admitted that restricted forbids (why the level is baseline). */
  readonly beyondRestricted: readonly string[];
  /** What the PSP admitted that even baseline forbids (privileged would be needed). */
  readonly beyondBaseline: readonly string[];
}

export const pspToPsa: Refactoring<KubernetesResource> = {
  id: 'k8s/psp-to-psa',
  description:
    'Replaces a PodSecurityPolicy (removed in Kubernetes 1.25) with Pod Security Admission: labels the file\'s Namespaces `pod-security.kubernetes.io/enforce: restricted` (or `baseline`, matching what the PSP admitted; never `privileged`), or creates a CHANGE-ME Namespace carrying the label, and removes the PSP.',
  offers(resource) {
    if (resource.kind !== 'PodSecurityPolicy' || !PSP_API_VERSIONS.has(resource.apiVersion) || resource.listKind !== undefined) return [];
    const verdict = judgePsp(resource);
    const { file } = resource;
    const edits: TextEdit[] = [removeDocument(resource)];
    const labelled: string[] = [];
    const untouched: string[] = [];
    const namespaces = resourcesOf(file).filter((candidate) => candidate.kind === 'Namespace' && !SYSTEM_NAMESPACES.has(candidate.name ?? ''));
    for (const namespace of namespaces) {
      const labels = mapAt(namespace.node, ['metadata', 'labels'], namespace.document);
      const current = stringValue(labels, ENFORCE_LABEL, namespace.document);
      const name = `\`${namespace.name ?? '(unnamed)'}\``;
      if (current !== undefined && current.trim() !== '') {
        untouched.push(`${name} already enforces \`${current}\``);
        continue;
      }
      edits.push(...setIn(file, namespace.document, namespace.node, ['metadata', 'labels', ENFORCE_LABEL], verdict.level));
      labelled.push(name);
    }
    const newFiles: NewFile[] = [];
    let action: string;
    if (namespaces.length === 0) {
      newFiles.push({ path: NAMESPACE_FILE, text: namespaceText(eol(file), verdict.level) });
      action = `create ${NAMESPACE_FILE} with a ${CHANGE_ME} Namespace enforcing \`${verdict.level}\``;
    } else if (labelled.length > 0) {
      action = `label Namespace ${labelled.join(', ')} \`${ENFORCE_LABEL}: ${verdict.level}\``;
    } else {
      action = 'remove it';
    }
    let title = `Replace ${describeResource(resource)} with Pod Security Admission: ${action}`;
    if (verdict.beyondRestricted.length > 0) title += ` (it admitted ${verdict.beyondRestricted.join(', ')}, which restricted forbids)`;
    if (verdict.beyondBaseline.length > 0) title += `; it also admitted ${verdict.beyondBaseline.join(', ')}, which baseline forbids — the \`privileged\` level is never proposed`;
    if (untouched.length > 0) title += `; left alone: Namespace ${untouched.join(', ')}`;
    const offer: RefactorOffer = {
      id: 'k8s/psp-to-psa',
      title,
      range: resource.range,
      resolves: ['k8s/deprecated-api-version'],
      edits,
      ...(newFiles.length > 0 ? { newFiles } : {}),
      safe: false,
    };
    return [offer];
  },
};

/** The Pod Security level matching what a PodSecurityPolicy admitted. */
export function judgePsp(resource: KubernetesResource): PspVerdict {
  const { document } = resource;
  const spec = mapAt(resource.node, ['spec'], document);
  const flag = (key: string): boolean => scalarValue(spec, key, document) === true;
  const list = (key: string): string[] => stringItems(valueOf(spec, key, document), document).map(({ value }) => value);
  const beyondBaseline: string[] = [];
  const beyondRestricted: string[] = [];

  if (flag('privileged')) beyondBaseline.push('privileged containers');
  const hostNamespaces = ['hostNetwork', 'hostPID', 'hostIPC'].filter(flag);
  if (hostNamespaces.length > 0) beyondBaseline.push(hostNamespaces.map((key) => `\`${key}\``).join(', '));
  if (seqItems(valueOf(spec, 'hostPorts', document), document).length > 0) beyondBaseline.push('host ports');
  const volumes = list('volumes');
  if (volumes.includes('*') || volumes.includes('hostPath')) beyondBaseline.push('hostPath volumes');
  const capabilities = [...list('allowedCapabilities'), ...list('defaultAddCapabilities')].map((name) => name.replace(/^CAP_/, ''));
  const beyondBaselineCaps = [...new Set(capabilities.filter((name) => !BASELINE_CAPABILITIES.has(name)))];
  if (beyondBaselineCaps.length > 0) beyondBaseline.push(`adding ${beyondBaselineCaps.map((name) => (name === '*' ? 'any capability' : `\`${name}\``)).join(', ')}`);
  if (list('allowedProcMountTypes').includes('Unmasked')) beyondBaseline.push('unmasked /proc');
  if (list('allowedUnsafeSysctls').length > 0) beyondBaseline.push('unsafe sysctls');
  const seccomp = (resource.annotations.get(SECCOMP_ALLOWED) ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (seccomp.includes('*') || seccomp.includes('unconfined')) beyondBaseline.push('unconfined seccomp');

  if (scalarValue(spec, 'allowPrivilegeEscalation', document) !== false) beyondRestricted.push('privilege escalation');
  if (!requiresNonRoot(asMap(valueOf(spec, 'runAsUser', document)), resource)) beyondRestricted.push('running as root');
  if (!list('requiredDropCapabilities').includes('ALL')) beyondRestricted.push('containers that keep capabilities');
  const beyondRestrictedCaps = [...new Set(capabilities.filter((name) => name !== 'NET_BIND_SERVICE' && BASELINE_CAPABILITIES.has(name)))];
  if (beyondRestrictedCaps.length > 0) beyondRestricted.push(`adding ${beyondRestrictedCaps.map((name) => `\`${name}\``).join(', ')}`);
  const otherVolumes = volumes.filter((name) => name !== '*' && name !== 'hostPath' && !RESTRICTED_VOLUMES.has(name));
  if (otherVolumes.length > 0) beyondRestricted.push(`${otherVolumes.map((name) => `\`${name}\``).join(', ')} volumes`);
  if (volumes.includes('*')) beyondRestricted.push('any volume type');
  if (seccomp.length === 0 || !seccomp.every((name) => name === 'runtime/default' || name === 'docker/default' || name.startsWith('localhost/'))) {
    beyondRestricted.push('pods without a RuntimeDefault or Localhost seccomp profile');
  }
  return { level: beyondRestricted.length === 0 && beyondBaseline.length === 0 ? 'restricted' : 'baseline', beyondRestricted, beyondBaseline };
}

/** `runAsUser.rule: MustRunAsNonRoot`, or `MustRunAs` with every range above UID 0. */
function requiresNonRoot(runAsUser: YamlMap | undefined, resource: KubernetesResource): boolean {
  const rule = stringValue(runAsUser, 'rule', resource.document);
  if (rule === 'MustRunAsNonRoot') return true;
  if (rule !== 'MustRunAs') return false;
  const ranges = seqItems(valueOf(runAsUser, 'ranges', resource.document), resource.document);
  return ranges.length > 0 && ranges.every((range) => {
    const min = scalarValue(asMap(range), 'min', resource.document);
    return typeof min === 'number' && min >= 1;
  });
}

/** Deletes the PSP's whole document: from its `---` line (or the file's start) to the next document. */
function removeDocument(resource: KubernetesResource): TextEdit {
  const offset = resource.range.start;
  const chunks = splitYamlDocuments(resource.file.text);
  const chunk = [...chunks].reverse().find((candidate) => candidate.start <= offset) ?? chunks[0]!;
  return { start: chunk.start, end: chunk.start + chunk.text.length, newText: '' };
}

function namespaceText(newline: string, level: PodSecurityLevel): string {
  return ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${CHANGE_ME}`, '  labels:', `    ${ENFORCE_LABEL}: ${level}`, ''].join(newline);
}

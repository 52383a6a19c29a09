/**
 * Every refactoring, and the engine entry that offers them for a file. Pure, like the rules.
 */
import { classifyFileName, type AnalysisInput } from '../analyze';
import type { DockerfileModel } from '../dockerfile/model';
import { parseDockerfile } from '../dockerfile/model';
import { isKubernetesDocument, resourcesOf, type KubernetesResource } from '../kubernetes/model';
import { parseYamlFile } from '../yaml/yaml-document';
import { workspaceObjectOf } from '../workspace/objects';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import { dockerfileDistroless } from './dockerfile-distroless';
import { networkpolicyDefaultDeny } from './networkpolicy-default-deny';
import { hardenSecurityContext } from './harden-security-context';
import { pspToPsa } from './psp-to-psa';
import { secretToExternalSecret } from './secret-to-external-secret';
import type { RefactorContext, RefactorOffer, Refactoring } from './refactoring';

export const DOCKERFILE_REFACTORINGS: readonly Refactoring<DockerfileModel>[] = [dockerfileDistroless];
export const KUBERNETES_REFACTORINGS: readonly Refactoring<KubernetesResource>[] = [networkpolicyDefaultDeny, hardenSecurityContext, secretToExternalSecret, pspToPsa];

/**
 * The refactorings offered for a file, each with its edits (a BOM is handled like analyze does).
 * With the workspace index, offers that depend on other files (a NetworkPolicy) are made only
 * where they are needed.
 */
export function refactorsOf(input: AnalysisInput, options: { readonly workspace?: WorkspaceIndex } = {}): RefactorOffer[] {
  const bom = input.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.text.slice(1) : input.text;
  const kind = classifyFileName(input.fileName, input.languageId);
  let offers: RefactorOffer[] = [];
  if (kind === 'dockerfile') {
    const model = parseDockerfile(text);
    const context: RefactorContext = { fileName: input.fileName };
    offers = DOCKERFILE_REFACTORINGS.flatMap((refactoring) => offersOf(refactoring, model, context));
  } else if (kind === 'yaml' && !(text.includes('{{') && text.includes('}}'))) {
    const file = parseYamlFile(text);
    if (file.documents.some(isKubernetesDocument)) {
      const resources = resourcesOf(file);
      const workspace = options.workspace?.view(input.fileName, resources.map(workspaceObjectOf));
      const context: RefactorContext = { fileName: input.fileName, ...(workspace ? { workspace } : {}) };
      offers = KUBERNETES_REFACTORINGS.flatMap((refactoring) => resources.flatMap((resource) => offersOf(refactoring, resource, context)));
    }
  }
  if (!bom) return offers;
  const shift = <T extends { start: number; end: number }>(range: T): T => ({ ...range, start: range.start + bom, end: range.end + bom });
  return offers.map((offer) => ({ ...offer, range: shift(offer.range), edits: offer.edits.map(shift) }));
}

/**
 * A refactoring that fails (on half-typed input, say) offers nothing rather than taking the
 * others down with it: a wrong rewrite is worse than none.
 */
function offersOf<Subject>(refactoring: Refactoring<Subject>, subject: Subject, context: RefactorContext): RefactorOffer[] {
  try {
    return refactoring.offers(subject, context);
  } catch {
    return [];
  }
}

export { CHANGE_ME, type NewFile, type RefactorContext, type RefactorOffer, type Refactoring } from './refactoring';

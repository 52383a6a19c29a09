import type { ComposeService } from '../compose/model';
import type { DockerfileModel } from '../dockerfile/model';
import type { Rule, RuleMeta } from '../engine/types';
import type { KubernetesResource } from '../kubernetes/model';
import type { WorkspaceObject } from '../workspace/objects';
import type { WorkspaceView } from '../workspace/workspace-index';

export type DockerfileRule = Rule<DockerfileModel> & { readonly meta: RuleMeta & { readonly target: 'dockerfile' } };
export type KubernetesRule = Rule<KubernetesResource> & { readonly meta: RuleMeta & { readonly target: 'kubernetes' } };
export type ComposeRule = Rule<ComposeService> & { readonly meta: RuleMeta & { readonly target: 'compose' } };
/** What a cross-file rule checks: one object of the analysed file, against the whole workspace. */
export interface CrossFileSubject {
  readonly file: string;
  readonly object: WorkspaceObject;
  readonly workspace: WorkspaceView;
}
export type CrossFileRule = Rule<CrossFileSubject> & { readonly meta: RuleMeta & { readonly target: 'kubernetes'; readonly scope: 'workspace' } };
export type AnyRule = DockerfileRule | KubernetesRule | ComposeRule | CrossFileRule;

/** Documentation base: `codeDescription.href`, SARIF `helpUri` and `bulkhead rules` all point here. */
export const DOCS_BASE_URL = 'https://github.com/bulkhead-dev/bulkhead/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

import type { KubernetesRule } from '../define';
import { privilegedContainer } from './privileged-container';

/** Kubernetes rules, in catalog order. */
export const KUBERNETES_RULES: readonly KubernetesRule[] = [privilegedContainer];

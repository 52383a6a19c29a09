import type { CrossFileRule } from '../define';
import { envValueFromMissing } from './env-value-from-missing';
import { namespaceQuotas } from './namespace-quotas';
import { networkpolicyCoverage } from './networkpolicy-coverage';
import { nonExistentSa } from './non-existent-sa';
import { rbacBindingDangerousRole } from './rbac-binding-dangerous-role';

/** Kubernetes rules that look across files, through the workspace index. */
export const CROSS_FILE_RULES: readonly CrossFileRule[] = [networkpolicyCoverage, nonExistentSa, envValueFromMissing, namespaceQuotas, rbacBindingDangerousRole];

import type { DockerfileRule } from '../define';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { fromLatestTag } from './from-latest-tag';
import { secretInArgEnv } from './secret-in-arg-env';
import { sudoUsage } from './sudo-usage';
import { userRoot } from './user-root';

/** Dockerfile rules, in catalog order. */
export const DOCKERFILE_RULES: readonly DockerfileRule[] = [userRoot, fromLatestTag, addInsteadOfCopy, sudoUsage, secretInArgEnv];

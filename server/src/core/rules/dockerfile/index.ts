import type { DockerfileRule } from '../define';
import { userRoot } from './user-root';

/** Dockerfile rules, in catalog order. */
export const DOCKERFILE_RULES: readonly DockerfileRule[] = [userRoot];

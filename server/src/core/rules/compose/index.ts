import type { ComposeRule } from '../define';

/** Docker Compose rules, in catalog order. */
export const COMPOSE_RULES: readonly ComposeRule[] = [];

/**
 * `Error.stackTraceLimit` as the host set it, read before mvdan-sh loads: shell-syntax.ts imports
 * this module first, because GopherJS sets the limit to Infinity for the whole process when its
 * code loads (see there).
 */
export const stackTraceLimit = Error as ErrorConstructor & { stackTraceLimit?: number };

export const HOST_STACK_TRACE_LIMIT = stackTraceLimit.stackTraceLimit;

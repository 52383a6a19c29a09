import type { RemoteConsole } from 'vscode-languageserver';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const ORDER: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  setLevel(level: LogLevel): void;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in ORDER;
}

/** Logs to the client's console (the Bulkhead output channel in VS Code), dropping messages below `level`. */
export function createLogger(console: RemoteConsole, initial: LogLevel = 'info'): Logger {
  let level = initial;
  const enabled = (at: LogLevel): boolean => ORDER[at] <= ORDER[level];
  return {
    error: (message) => enabled('error') && console.error(message),
    warn: (message) => enabled('warn') && console.warn(message),
    info: (message) => enabled('info') && console.info(message),
    debug: (message) => enabled('debug') && console.log(message),
    setLevel(next) {
      level = next;
    },
  };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

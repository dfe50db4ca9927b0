export type LogLevel = 'info' | 'warn' | 'error';
export const defaultInstance: () => string;
export function logLine(level: LogLevel, event: string, fields?: Record<string, unknown>, instance?: string): string;
export function log(level: LogLevel, event: string, fields?: Record<string, unknown>, instance?: string): void;

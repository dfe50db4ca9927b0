import type { ServerSettings } from './edge.mjs';
export function parseServerSettings(env?: Record<string, string | undefined>): { settings: ServerSettings; problems: string[] };

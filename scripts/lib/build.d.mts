export function sourceHash(root?: string): string;
export function buildIsFresh(root?: string): boolean;
export function ensureBuild(options?: { force?: boolean }): void;
export function nextBin(): string;
export function nextStartArgs(host: string, port: string | number): string[];

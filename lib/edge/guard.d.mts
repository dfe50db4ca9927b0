export function isLoopbackHost(host: string): boolean;
export function exposureProblem(env: Record<string, string | undefined>): string | null;

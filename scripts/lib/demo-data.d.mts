export const DEMO_SEED_FILES: string[];
export function goodJobSchemaSql(root?: string): string;
export function demoSeedSql(root?: string): string[];

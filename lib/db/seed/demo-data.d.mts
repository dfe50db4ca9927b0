export const SEED_PAGES_SQL: string;
export const RECORDED_SQL: string;
export const DEMO_SEED_FILES: string[];
export function goodJobSchemaSql(root?: string): string;
export function demoSeedSql(root?: string, now?: Date): string[];

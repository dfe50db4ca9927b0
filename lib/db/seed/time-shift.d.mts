export const RECORDED_AT: Date;
export function shiftSecondsTo(now: Date, recordedAt?: Date): number;
export function shiftSqlTimes(sql: string, seconds: number): string;
export function recordedSqlAt(sql: string, now?: Date): string;

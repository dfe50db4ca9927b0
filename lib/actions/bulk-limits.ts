/** The most jobs one bulk action changes (each in its own transaction, with GoodJob's locks). */
export const BULK_CAP = 500;
export const BULK_ACTIONS = ['retry', 'discard', 'reschedule', 'destroy'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

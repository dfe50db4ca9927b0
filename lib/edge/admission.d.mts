type Entry = { start: (release: () => void) => void; refuse: () => void; gone: () => boolean };
export function isCheap(url?: string): boolean;
export function createAdmission(options?: { concurrency?: number; queueLimit?: number; waitMs?: number }): {
  admit(entry: Entry): void;
  stats: { admitted: number; shed: number; expired: number; abandoned: number };
  readonly active: number;
  readonly waiting: number;
};

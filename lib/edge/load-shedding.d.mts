type Entry = { start: (release: () => void) => void; refuse: () => void; gone: () => boolean };
export function isCheap(url?: string): boolean;
export function createLoadShedder(options?: { concurrency?: number; queueLimit?: number; waitMs?: number }): {
  enqueue(entry: Entry): void;
  stats: { admitted: number; shed: number; expired: number; abandoned: number };
  readonly active: number;
  readonly waiting: number;
};

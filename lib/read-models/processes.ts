export type ProcessRow = {
  id: string;
  created_at: string;
  updated_at: string;
  state: unknown;
  lock_type: number | null;
  locked: boolean;
};

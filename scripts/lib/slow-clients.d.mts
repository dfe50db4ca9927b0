export interface DownloadState {
  status: number;
  bytes: number;
  lines: number;
  ended: boolean;
  failed: boolean;
}
export function throttledDownload(url: string, headers: Record<string, string>, bytesPerSecond: number): { state: DownloadState; fullSpeed(): void; stop(): void };
export function slowClientRun(options: Record<string, unknown>): Promise<unknown>;
export function slowClientMd(run: unknown, alone: unknown, ms: (v: number) => string): string;

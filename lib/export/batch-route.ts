import 'server-only';
import { readDb } from '../db/read';
import { isFault, loadOrUnavailable } from '../db/load';
import type { ExportFormat } from '../domain/export';
import { parseUuid } from '../domain/ids';
import { getBatch } from '../queries/batches';
import { exportResponse } from './respond';

const plain = (status: number, text: string) => new Response(`${status} ${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function exportBatchJobs(params: Promise<{ id: string }>, format: ExportFormat, requestHeaders: Headers): Promise<Response> {
  const batchId = parseUuid((await params).id);
  if (batchId === null) return plain(404, 'Not found');
  const found = await loadOrUnavailable(async () => getBatch(await readDb(), batchId));
  if (isFault(found)) return plain(503, 'Database unavailable');
  if (found === null) return plain(404, 'Not found');
  return exportResponse({ batchId }, format, requestHeaders);
}

import { exportBatchJobs } from '@/lib/export/batch-route';

/** Every batched job of the batch, as csv; an unknown or malformed id is a 404. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return exportBatchJobs(params, 'csv', request.headers);
}

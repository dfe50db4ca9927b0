import type { NextRequest } from 'next/server';
import { exportResponse } from '@/lib/export/respond';
import { parseJobFilter } from '@/lib/domain/job-filter';

/** Every job matching the jobs list's filters (the same parameters), as csv. */
export function GET(request: NextRequest) {
  return exportResponse({ filter: parseJobFilter(Object.fromEntries(request.nextUrl.searchParams)) }, 'csv', request.headers);
}

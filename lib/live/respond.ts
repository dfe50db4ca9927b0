import 'server-only';
import type { LiveSignature } from './signature';

const HEADERS = { 'cache-control': 'private, no-cache' };

export const livePlain = (status: number, text: string) => new Response(`${status} ${text}\n`, { status, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

/** 304 with no body when the caller shows this signature already; else the tables' rows (built only then). */
export async function liveResponse(request: Request, signature: LiveSignature, tables: () => Promise<Record<string, unknown[]>>): Promise<Response> {
  const headers = { ...HEADERS, etag: signature.tag };
  if (request.headers.get('if-none-match') === signature.tag) return new Response(null, { status: 304, headers });
  return Response.json({ tag: signature.tag, others: signature.others, tables: await tables() }, { headers });
}

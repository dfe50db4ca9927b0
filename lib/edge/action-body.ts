// A server action's request body, checked before Next decodes it: Next answers a body it cannot decode (not JSON, a
// broken multipart form) with a bare 500. What React's client sends is either a JSON array (text/plain) or a
// multipart form; anything else is refused with a 4xx here. Read from a clone, so Next still gets the body.

/** Next's default `serverActions.bodySizeLimit`. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = request.clone().body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a clone's branch is cancelled for good only when the other one is too.
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** null when the body is one React could have sent; else the status to answer (400 malformed, 413 too large). */
export async function actionBodyProblem(request: Request): Promise<400 | 413 | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > ACTION_BODY_LIMIT) return 413;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (!/;\s*boundary=/.test(type)) return 400;
    const body = await readCapped(request, ACTION_BODY_LIMIT);
    if (body === null) return 413;
    try {
      await new Response(body, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
      return null;
    } catch {
      return 400;
    }
  }
  if (type.startsWith('text/plain') || type === '') {
    const body = await readCapped(request, ACTION_BODY_LIMIT);
    if (body === null) return 413;
    try {
      return Array.isArray(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))) ? null : 400;
    } catch {
      return 400;
    }
  }
  return 400;
}

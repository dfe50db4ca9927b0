// The bench's slow-client scenario (issue #30): while attackers and slow networks hold connections open, a page keeps
// answering. On loopback, for `seconds`:
// - `each` connections send a request's head one byte every 500 ms (slowloris), reconnecting whenever closed;
// - `each` POST a page a body of 100,000 bytes at one byte per 200 ms, reconnecting whenever closed;
// - `each` download an export at `downloadBytesPerSecond` (a VPN, a phone), once each;
// and meanwhile `load(path)` measures the page at c=1. What each kind of client was answered, and how the page fared.
import http from 'node:http';
import { connect } from 'node:net';

/** A connection that writes `head` then `drip()` every `everyMs` until stopped; on close, `onAnswer(status)` and again. */
function dripper(port, head, drip, everyMs, onAnswer) {
  let stopped = false;
  let socket;
  const open = () => {
    if (stopped) return;
    let heard = '';
    socket = connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (heard += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(ticker);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(heard)?.[1] ?? 'closed unanswered';
      if (!stopped) onAnswer(status);
      setTimeout(open, 50);
    });
    socket.write(head);
    let i = 0;
    const ticker = setInterval(() => socket.writable && socket.write(drip(i++)), everyMs);
  };
  open();
  return () => {
    stopped = true;
    socket?.destroy();
  };
}

/**
 * A download read at `bytesPerSecond` (a VPN, a phone) until `fullSpeed()`: its status, the bytes and lines read, and
 * whether it ended or failed. Each pause lasts at most a second, so that fullSpeed() takes effect at once and the
 * connection never looks idle to the server. Also e2e/slow-clients.spec.ts's.
 */
export function throttledDownload(url, headers, bytesPerSecond) {
  const state = { status: 0, bytes: 0, lines: 0, ended: false, failed: false };
  let rate = bytesPerSecond;
  let timer;
  let response;
  const request = http.get(url, { headers }, (res) => {
    response = res;
    state.status = res.statusCode ?? 0;
    const started = performance.now();
    res.on('data', (chunk) => {
      state.bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) state.lines += 1;
      const dueMs = (state.bytes / rate) * 1000 - (performance.now() - started);
      if (dueMs > 0) {
        res.pause();
        timer = setTimeout(() => res.resume(), Math.min(dueMs, 1000));
      }
    });
    res.on('end', () => (state.ended = true));
    res.on('error', () => (state.failed = true));
  });
  request.on('error', () => (state.failed = true));
  return {
    state,
    fullSpeed: () => {
      rate = Number.POSITIVE_INFINITY;
      clearTimeout(timer);
      response?.resume();
    },
    stop: () => {
      clearTimeout(timer);
      response?.destroy();
      request.destroy();
    },
  };
}

const tally = (list) => Object.fromEntries([...new Set(list)].map((s) => [s, list.filter((x) => x === s).length]));

/**
 * `base`: the server's origin; `path`: the page measured; `downloadPath`: an export large enough to outlast `seconds`
 * at `downloadBytesPerSecond`; `load(path)`: resolves to `{ p50, p95, requests, non2xx }` over the measured run.
 */
export async function slowClientRun({ base, path, downloadPath, load, each = 8, seconds = 20, downloadBytesPerSecond = 50_000 }) {
  const { port, host } = new URL(base);
  const heads = [];
  const bodies = [];
  const stops = [];
  for (let i = 0; i < each; i += 1) {
    const slowHead = `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `;
    stops.push(dripper(Number(port), slowHead, () => 'a', 500, (status) => heads.push(status)));
    const slowBody = `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n`;
    stops.push(dripper(Number(port), slowBody, () => 'a', 200, (status) => bodies.push(status)));
  }
  const downloads = Array.from({ length: each }, () => throttledDownload(base + downloadPath, {}, downloadBytesPerSecond));
  await new Promise((resolve) => setTimeout(resolve, 1000)); // every slow client connected and sending
  const page = await load(path, seconds);
  for (const stop of stops) stop();
  const states = downloads.map((d) => d.state);
  for (const d of downloads) d.stop();
  return {
    path,
    seconds,
    each,
    page,
    slowHeads: { answered: tally(heads) },
    slowBodies: { answered: tally(bodies) },
    downloads: {
      path: downloadPath,
      bytesPerSecond: downloadBytesPerSecond,
      statuses: tally(states.map((s) => String(s.status || 'none'))),
      streamingAtEnd: states.filter((s) => s.status === 200 && !s.ended && !s.failed).length,
      megabytesRead: states.reduce((n, s) => n + s.bytes, 0) / 1048576,
    },
  };
}

const counts = (answered) => Object.entries(answered).map(([status, n]) => `${n} × ${status}`).join(', ') || 'none yet';

/** The scenario's line in bench/results.md, beside the same page measured alone (`alone`: `{ p50, p95 }`). */
export function slowClientMd(run, alone, ms) {
  const d = run.downloads;
  return (
    `- Slow clients (${run.seconds} s on loopback: ${run.each} heads sent one byte per 500 ms, ${run.each} bodies one byte per 200 ms, each reconnecting when closed; ${run.each} downloads of \`${d.path}\` read at ${(d.bytesPerSecond / 1000).toFixed(0)} KB/s): ` +
    `${run.path} at c=1 answered ${run.page.requests.toLocaleString('en')} requests, ${run.page.non2xx} non-2xx, p50 ${ms(run.page.p50)} / p95 ${ms(run.page.p95)} ms (alone just before: ${ms(alone.p50)} / ${ms(alone.p95)} ms); ` +
    `slow heads answered ${counts(run.slowHeads.answered)}; slow bodies ${counts(run.slowBodies.answered)}; downloads ${counts(d.statuses)}, ${d.streamingAtEnd} still streaming at the end, ${d.megabytesRead.toFixed(1)} MB read`
  );
}

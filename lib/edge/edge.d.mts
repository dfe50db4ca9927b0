import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EdgePolicy } from './policy';
import type { createLoadShedder } from './load-shedding.mjs';

type Handle = (req: IncomingMessage, res: ServerResponse) => unknown;
export type Edge = ((req: IncomingMessage, res: ServerResponse, handle: Handle) => void) & { admission: ReturnType<typeof createLoadShedder> };
export type ServerSettings = Record<'DASHBOARD_MAX_CONCURRENCY' | 'DASHBOARD_MAX_QUEUE' | 'DASHBOARD_QUEUE_WAIT_MS' | 'DASHBOARD_HEADERS_TIMEOUT_MS' | 'DASHBOARD_BODY_TIMEOUT_MS' | 'DASHBOARD_IDLE_TIMEOUT_MS' | 'DASHBOARD_KEEP_ALIVE_TIMEOUT_MS', number>;
export function bodyFollows(req: IncomingMessage): boolean;
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<{ kind: 'body'; body: Buffer } | { kind: 'tooLarge' | 'slowRequest' | 'gone' }>;
export function replaceBody(req: IncomingMessage, body: Buffer): void;
export function createEdge(options: { policy: EdgePolicy; settings: ServerSettings; trustProxy?: boolean; log?: (level: 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>) => void }): Edge;

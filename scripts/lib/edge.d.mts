import type { IncomingMessage, ServerResponse } from 'node:http';

type Handle = (req: IncomingMessage, res: ServerResponse) => unknown;
export type Edge = (req: IncomingMessage, res: ServerResponse, handle: Handle) => void;
export function hasEdge(): boolean;
export function createEdge(options: { busyText: (url: string | undefined, basePath?: string) => string; basePath?: string; env?: Record<string, string | undefined> }): Edge;
export function passRequestsThrough(edge: Edge): () => void;

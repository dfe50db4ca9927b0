import { createServer, request as forward, type Server } from 'node:http';

/** A tiny load balancer on loopback: each HTTP request goes to the next backend in turn (not each connection). */
export class RoundRobin {
  private server: Server | null = null;
  private next = 0;
  /** The backend port each request went to, in order. */
  readonly served: number[] = [];
  port = 0;

  constructor(private readonly backends: number[]) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const backend = this.backends[this.next % this.backends.length]!;
      this.next += 1;
      this.served.push(backend);
      const upstream = forward({ host: '127.0.0.1', port: backend, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

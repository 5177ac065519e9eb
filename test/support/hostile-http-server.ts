import { createServer, type ServerResponse } from 'node:http';

/** How a hostile server answers one path. */
export type HostileBehaviour =
  /** Sends bytes for ever (as fast as the client reads), no Content-Length. */
  | { kind: 'endless' }
  /** Sends one byte every `everyMs`, for ever. */
  | { kind: 'drip'; everyMs: number }
  /** Accepts the connection and never answers. */
  | { kind: 'silent' }
  /** Declares a huge Content-Length and sends a little. */
  | { kind: 'declares'; bytes: number }
  /** Answers normally. */
  | { kind: 'body'; status?: number; body: string | Uint8Array };

/** A server on 127.0.0.1 that misbehaves on purpose; `close()` ends every open connection. */
export interface HostileServer {
  readonly url: string;
  /** Bytes written so far, all paths together. */
  readonly sent: () => number;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x41);

/**
 * Starts an HTTP server on 127.0.0.1 (a free port) answering each path as `routes` says, 404
 * otherwise — for tests and benchmarks of clients that must survive a hostile peer.
 *
 * @example
 * const server = await startHostileServer({ '/log/key': { kind: 'endless' } });
 * await expect(fetchVerifierKey(`${server.url}/log`)).rejects.toThrow(/limit/);
 * await server.close();
 */
export async function startHostileServer(routes: Readonly<Record<string, HostileBehaviour>>): Promise<HostileServer> {
  let sent = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    const behaviour = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (behaviour === undefined) {
      response.writeHead(404).end();
      return;
    }
    switch (behaviour.kind) {
      case 'silent':
        return;
      case 'body':
        response.writeHead(behaviour.status ?? 200, { 'content-type': 'text/plain' }).end(behaviour.body);
        return;
      case 'declares':
        response.writeHead(200, { 'content-length': String(behaviour.bytes) });
        response.write(CHUNK.subarray(0, 16));
        return;
      case 'endless':
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        pump(response, (n) => (sent += n));
        return;
      case 'drip': {
        response.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => {
          sent += 1;
          response.write('a');
        }, behaviour.everyMs);
        timers.add(timer);
        response.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the hostile server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    sent: () => sent,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes for as long as the client reads, pausing on backpressure. */
function pump(response: ServerResponse, count: (bytes: number) => void): void {
  const write = (): void => {
    while (!response.destroyed) {
      count(CHUNK.length);
      if (!response.write(CHUNK)) {
        response.once('drain', write);
        return;
      }
    }
  };
  response.on('error', () => undefined);
  write();
}

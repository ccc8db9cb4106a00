// A real loopback HTTP server for collector tests: routes map a path to a handler.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export interface TestServer {
  url: string;
  port: number;
  host: string;
  /** Requests seen, as "METHOD /path". */
  log: string[];
  close(): Promise<void>;
}

/** Start a server on host (default 127.0.0.1) port 0; unknown paths answer 404. */
export async function startServer(routes: Record<string, Handler>, host = '127.0.0.1'): Promise<TestServer> {
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    log.push(`${req.method} ${req.url}`);
    const handler = routes[path] ?? routes['*'];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const fail = (e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    };
    try {
      Promise.resolve(handler(req, res)).catch(fail);
    } catch (e) {
      fail(e);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    host,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that answers with a fixed body and headers. */
export function send(body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
}

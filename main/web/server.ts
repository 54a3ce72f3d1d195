/**
 * Browser mode (`sfhs ui`): the same services and the same renderer as the desktop app, served on loopback so a
 * browser — or an end-to-end test — can drive the console without Electron. See router.ts for the security rules.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../app/services.js';
import { EventStreams } from './event-stream.js';
import { sendText } from './responses.js';
import { routeRequest } from './router.js';
import { cookieNameFor, newSecret } from './secret.js';

export interface WebServerOptions {
  /** A set of services, or the workspace host, whose handlers and events reach the workspace open at the time. */
  services: Pick<Services, 'handlers' | 'events'>;
  /** The built renderer to serve. */
  staticDir: string;
  /** 0 = any free port. */
  port?: number;
  /** For tests; a random 32-byte secret otherwise. */
  secret?: string;
}

export interface RunningWebServer {
  /** `http://127.0.0.1:PORT/?secret=…` — the link a person opens. */
  url: string;
  origin: string;
  secret: string;
  close(): Promise<void>;
}

/** Only the IPv4 loopback address: never a LAN interface, and one exact Host value to check. */
const loopback = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, loopback, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const secret = options.secret ?? newSecret();
  const streams = new EventStreams(options.services.events);
  const server = createServer();
  const port = await listen(server, options.port ?? 0);
  const host = `${loopback}:${port}`;
  const origin = `http://${host}`;
  const ctx = {
    handlers: options.services.handlers,
    streams,
    staticDir: options.staticDir,
    secret,
    host,
    origin,
    cookieName: cookieNameFor(port),
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    routeRequest(ctx, req, res).catch((error: unknown) => {
      // A bug in routing must cost one request, never the server.
      console.error(`sfhs ui: ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) sendText(res, 500, 'Internal error; see the terminal running "sfhs ui".');
      else res.destroy();
    });
  });
  // Malformed HTTP never reaches the handler; answer 400 instead of letting the socket error surface.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return {
    url: `${origin}/?secret=${secret}`,
    origin,
    secret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        streams.closeAll();
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets would hold close() open until they time out; a request still running after a
        // second is cut off, so shutting down never hangs.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}

/**
 * A lean HTTP/1.1 load generator: a few keep-alive sockets, each with one request in flight, requests prepared as
 * bytes up front and responses parsed only as far as status and Content-Length. It exists to measure what the
 * *server* can serve: an HTTP client library (undici, node:http, @hubspot/api-client) spends more CPU per call
 * than the emulator does, and on a 2-core machine the client's share would otherwise set the figure.
 */
import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  calls: number;
  wallMs: number;
  /** Calls per response status. */
  statuses: Record<number, number>;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** The request as it goes on the wire (Content-Length set, keep-alive is HTTP/1.1's default). */
export function encodeRequest(url: URL, r: LoadRequest): Buffer {
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body);
  const head = [`${r.method} ${r.path} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(r.headers)) head.push(`${name}: ${value}`);
  if (body.length > 0 || r.method !== 'GET') head.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]);
}

/** Status and total length of the first complete response in `buf`, or undefined while it is incomplete. */
function parseResponse(buf: Buffer): { status: number; length: number } | undefined {
  const end = buf.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const head = buf.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const match = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (!match) {
    if (status === 204 || status === 304) return { status, length: end + 4 };
    throw new Error(`load: response ${status} without Content-Length (chunked replies are not supported)`);
  }
  const length = end + 4 + Number(match[1]);
  return buf.length >= length ? { status, length } : undefined;
}

/** Sends `request(i)` for i in 0..calls-1 over `connections` keep-alive sockets and waits for every answer. */
export async function runLoad(
  baseUrl: string,
  calls: number,
  connections: number,
  request: (i: number) => Buffer,
): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket: Socket = connect(Number(url.port), url.hostname);
      socket.setNoDelay(true);
      let pending: Buffer = Buffer.alloc(0);
      const send = () => {
        if (next >= calls) {
          socket.end();
          resolve();
          return;
        }
        socket.write(request(next++));
      };
      socket.on('connect', send);
      socket.on('error', reject);
      socket.on('close', () => (next < calls ? reject(new Error('load: server closed the connection')) : resolve()));
      socket.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        try {
          const res = parseResponse(pending);
          if (!res) return;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          pending = pending.subarray(res.length);
          send();
        } catch (error) {
          socket.destroy();
          reject(error as Error);
        }
      });
    });
  await Promise.all(Array.from({ length: Math.min(connections, calls) }, worker));
  return { calls, wallMs: performance.now() - started, statuses };
}

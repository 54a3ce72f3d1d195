import { type IncomingHttpHeaders, request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * node:http instead of fetch: fetch normalises `..` out of paths and forbids setting Host, and those are exactly
 * what the security tests need to send.
 */
export function rawRequest(
  origin: string,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens `/api/events` and resolves with the first event of the given name (its parsed data); rejects if the stream ends first. */
export function nextServerEvent(
  origin: string,
  headers: Record<string, string>,
  eventName: string,
  onOpen: () => void,
): Promise<unknown> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: '/api/events', headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`SSE answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (buffer === '') onOpen();
        buffer += chunk;
        for (const block of buffer.split('\n\n')) {
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event === eventName && data !== undefined) {
            req.destroy();
            resolve(JSON.parse(data));
          }
        }
      });
      res.on('end', () => reject(new Error('stream ended')));
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}

/**
 * Request bodies in and answers out, for the shared router. This is the per-request path every emulator call
 * takes, so it avoids work the emulators do not need: no WHATWG URL object, no async iterator over the body
 * (both cost microseconds per call at thousands of calls per second), and one UTF-8 encoding of the payload
 * that gives both the bytes and the Content-Length.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { SandboxResponse } from './router.js';

/**
 * `/a/b?x=1` → path and query. Repeated slashes count as one, as on the real services: the Salesforce CLI keeps
 * the instance URL with a trailing slash and calls `//services/data/...`. No dot-segment resolution (no client
 * sends them).
 */
export function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const q = url.indexOf('?');
  const raw = q < 0 ? url : url.slice(0, q);
  const path = raw.includes('//') ? raw.replace(/\/{2,}/g, '/') : raw;
  return { path: path || '/', query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)) };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    // Most bodies arrive in one chunk: keep it without a concat.
    let first: Buffer | undefined;
    let all: Buffer[] | undefined;
    req.on('data', (chunk: Buffer) => {
      if (first === undefined) first = chunk;
      else if (all === undefined) all = [first, chunk];
      else all.push(chunk);
    });
    req.on('end', () => {
      if (all) resolve(Buffer.concat(all).toString('utf8'));
      else resolve(first === undefined ? '' : first.toString('utf8'));
    });
    req.on('error', reject);
  });
}

export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (type.includes('json') || raw.startsWith('{') || raw.startsWith('[')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw; // a route that needs JSON answers 400 for a string body
    }
  }
  return raw;
}

const EMPTY = Buffer.alloc(0);

export function writeAnswer(res: ServerResponse, answer: SandboxResponse): void {
  const { body } = answer;
  const payload =
    body === undefined ? EMPTY : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  // Content-Length goes into the answer's own headers object instead of a copy: the helpers build one per answer,
  // and a shared one would only carry a value that every answer overwrites.
  const headers: OutgoingHttpHeaders = answer.headers ?? {};
  headers['Content-Length'] = payload.length;
  res.writeHead(answer.status, headers);
  res.end(payload);
}

import type { ServerResponse } from 'node:http';
import type { ErrorCode, Result } from '../../shared/contract/index.js';
import { headerCsp } from './csp.js';

/** Sent with every response. no-referrer keeps the secret link out of any Referer header. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': headerCsp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Everything here is per launch (the page sets a per-launch cookie, the API answers live state): never cache.
  'Cache-Control': 'no-store',
};

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export const sendText = (res: ServerResponse, status: number, text: string, extra?: Record<string, string>): void =>
  send(res, status, 'text/plain; charset=utf-8', `${text}\n`, extra);

export const sendResult = (res: ServerResponse, status: number, result: Result<unknown>): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));

/** Transport-level failures still answer in the Result shape, so the browser client handles one format. */
export const sendError = (
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extra?: Record<string, string>,
): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code, message } }), extra);

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Handlers, dispatch } from '../ipc/dispatch.js';
import { sendError, sendResult } from './responses.js';

/** Far above any argument the contract allows; a guard against a runaway or hostile client, not a product limit. */
export const maxBodyBytes = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.pause(); // stop buffering; the response below closes the connection
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Requiring a JSON content type means a cross-site page cannot reach the API with a "simple" request (form post,
 * text/plain fetch): the browser would have to ask first with a CORS preflight, which this server never grants.
 */
const isJson = (req: IncomingMessage): boolean =>
  (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * `POST /api/op/<name>` with the argument as the JSON body. A dispatched Result is always HTTP 200 — the Result is
 * the answer, exactly as over IPC; 4xx statuses are kept for requests that never reached `dispatch`.
 */
export async function handleOperation(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  handlers: Handlers,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'VALIDATION', 'Operations are called with POST.', { Allow: 'POST' });
    return;
  }
  if (!isJson(req)) {
    sendError(res, 415, 'VALIDATION', 'Send the argument as JSON with "Content-Type: application/json".');
    return;
  }
  let text: string;
  try {
    text = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    sendError(res, 413, 'VALIDATION', `The request body is larger than ${maxBodyBytes} bytes.`, {
      Connection: 'close',
    });
    return;
  }
  let args: unknown;
  try {
    // An empty body means "no argument", which dispatch reads as {} — handy for curl.
    args = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (error) {
    sendError(res, 400, 'VALIDATION', `The request body is not valid JSON: ${(error as Error).message}`);
    return;
  }
  sendResult(res, 200, await dispatch(handlers, name, args));
}

import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { send, sendText } from './responses.js';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeFor = (file: string): string =>
  contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';

const isInside = (root: string, candidate: string): boolean => candidate === root || candidate.startsWith(root + sep);

/**
 * The file a URL path names inside `root`, or null. Checked twice: once lexically (`..`, encoded slashes) and once
 * after resolving symlinks, so a link inside the bundle cannot point the server at the rest of the disk.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed percent-encoding names no file
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(realRoot, real) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null; // missing file: the caller answers 404
  }
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET and HEAD are allowed here.', { Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveStaticFile(root, urlPath);
  if (!file) {
    sendText(res, 404, `Not found: ${urlPath}`, extraHeaders);
    return;
  }
  send(res, 200, contentTypeFor(file), await readFile(file), extraHeaders);
}

/**
 * The small HTTP layer both emulators share: routing by method + path pattern, body parsing, response helpers,
 * and a `before` hook chain (faults, auth, rate limits) that can answer a request before its route does.
 * Plain node:http so the emulators are fast (the engine benchmarks must not be bound by the sandbox).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody, readBody, splitUrl, writeAnswer } from './wire.js';

export interface SandboxRequest {
  method: string;
  /** Path without the query string, e.g. `/crm/v3/objects/companies/batch/read`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or form fields for `application/x-www-form-urlencoded`, or the raw text. */
  body: unknown;
  rawBody: string;
  /** Values set by `before` hooks (e.g. the authenticated token). */
  locals: Record<string, unknown>;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects and arrays are sent as JSON; strings as given (set Content-Type in headers). */
  body?: unknown;
  /** Destroy the socket without answering (fault injection: dropped connection). */
  drop?: boolean;
  /** Wait this long before answering (fault injection: slow responses). */
  delayMs?: number;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;
/** Returns a response to answer early, or undefined to go on. */
export type BeforeHook = (req: SandboxRequest) => SandboxResponse | undefined | Promise<SandboxResponse | undefined>;
/** May add headers (e.g. rate-limit info) to every answer. */
export type AfterHook = (req: SandboxRequest, res: SandboxResponse) => void;

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  body,
  headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
});

export const text = (status: number, body: string, contentType = 'text/plain;charset=UTF-8'): SandboxResponse => ({
  status,
  body,
  headers: { 'Content-Type': contentType },
});

export const noContent = (headers: Record<string, string> = {}): SandboxResponse => ({ status: 204, headers });

export const redirect = (location: string): SandboxResponse => ({ status: 302, headers: { Location: location } });

export class Router {
  private readonly routes: Route[] = [];
  private readonly beforeHooks: BeforeHook[] = [];
  private readonly afterHooks: AfterHook[] = [];
  /** Answer for a path no route matches. */
  notFound: Handler = (req) => json(404, { message: `No route for ${req.method} ${req.path}` });
  /**
   * Answer for a handler that threw: each emulator sets its system's own 500 shape. The exception text stays out
   * of the answer (a real service never shows it) and goes to the operator's log under the id the answer names.
   */
  failure: (error: unknown, errorId: string) => SandboxResponse = (_error, errorId) =>
    json(500, { message: `Internal error ${errorId}` });

  /** `pattern` uses `:name` segments, and a last segment `*rest` that takes the remainder of the path. */
  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), parts: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  before(hook: BeforeHook): this {
    this.beforeHooks.push(hook);
    return this;
  }

  after(hook: AfterHook): this {
    this.afterHooks.push(hook);
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    const segments = path.split('/').filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchParts(route.parts, segments);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }

  async handle(req: SandboxRequest): Promise<SandboxResponse> {
    let res: SandboxResponse | undefined;
    // Hooks and handlers are mostly synchronous: awaiting only real promises saves a microtask turn per hook.
    for (const hook of this.beforeHooks) {
      const early = hook(req);
      res = early instanceof Promise ? await early : early;
      if (res) break;
    }
    if (!res) {
      const found = this.match(req.method, req.path);
      req.params = found?.params ?? {};
      const answer = (found?.handler ?? this.notFound)(req);
      res = answer instanceof Promise ? await answer : answer;
    }
    for (const hook of this.afterHooks) hook(req, res);
    return res;
  }
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part.startsWith('*')) {
      params[part.slice(1)] = segments.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

async function serve(router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { path, query } = splitUrl(req.url ?? '/');
  const rawBody = await readBody(req);
  const sandboxReq: SandboxRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    params: {},
    query,
    headers: req.headers,
    body: parseBody(rawBody, req.headers['content-type']),
    rawBody,
    locals: {},
  };
  let answer: SandboxResponse;
  try {
    answer = await router.handle(sandboxReq);
  } catch (error) {
    const errorId = randomUUID();
    process.stderr.write(`sandbox: ${sandboxReq.method} ${path} failed (${errorId}): ${(error as Error).stack}\n`);
    answer = router.failure(error, errorId);
  }
  const delayMs = answer.delayMs ?? (sandboxReq.locals.delayMs as number | undefined);
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (answer.drop) {
    req.socket.destroy();
    return;
  }
  writeAnswer(res, answer);
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only (port 0 = any free port). */
export async function listen(router: Router, port = 0): Promise<RunningServer> {
  const server = createServer((req, res) => {
    serve(router, req, res).catch((error: unknown) => {
      res.destroy(error as Error);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

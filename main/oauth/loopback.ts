/**
 * The loopback redirect of a native-app OAuth flow (RFC 8252 §7.3): an HTTP listener on 127.0.0.1 only, alive just
 * for one sign-in. It answers exactly one `GET /callback`: the provider's redirect carrying `code` (or `error`) and
 * the `state` we sent. Anything else gets a 404 and does not end the flow; the first callback ends it either way,
 * and the listener closes right after, or when the time is up.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../app/errors.js';
import { secretsEqual } from '../web/secret.js';

export const CALLBACK_PATH = '/callback';
const LOOPBACK = '127.0.0.1';

export interface LoopbackOptions {
  /** The `state` sent with the authorize request; a callback without it is refused (RFC 6749 §10.12). */
  state: string;
  timeoutMs: number;
  /** 0 = any free port. */
  port?: number;
  /** Provider name for messages ("Salesforce"). */
  provider: string;
  /** Exchanges and saves; its error message (a person's, never a token) is shown on the page and rejects `done`. */
  onCode(code: string): Promise<void>;
}

export interface LoopbackListener {
  redirectUri: string;
  /** Settles once: the code was handled, or the flow failed (denied, state mismatch, time-out, cancel). */
  done: Promise<void>;
  cancel(reason: AppError): void;
}

const page = (title: string, text: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>${text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p></body></html>`;

function send(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    // The page has nothing to run or load; it must not be framed or cached (it was reached with a code in its URL).
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    Connection: 'close',
  });
  res.end(page(title, text));
}

/** What the redirect says, before the code is used: a denial, a foreign state, or a code. */
function readCallback(url: URL, options: LoopbackOptions): { code: string } | AppError {
  const error = url.searchParams.get('error');
  if (!secretsEqual(url.searchParams.get('state'), options.state)) {
    return new AppError(
      'FORBIDDEN',
      `The ${options.provider} sign-in answer did not carry the state this console sent, so it was refused ` +
        '(it may come from another sign-in or another site). Nothing was saved; start the sign-in again.',
    );
  }
  if (error) {
    const denied = /denied/i.test(error);
    const description = (url.searchParams.get('error_description') ?? '').slice(0, 200);
    return new AppError(
      'FORBIDDEN',
      denied
        ? `Access was not allowed in the ${options.provider} sign-in page (${error}). Nothing was saved.`
        : `${options.provider} refused the sign-in: ${error}${description ? ` (${description})` : ''}. Nothing was saved.`,
    );
  }
  const code = url.searchParams.get('code');
  if (!code) return new AppError('VALIDATION', `The ${options.provider} redirect carried no code. Nothing was saved.`);
  return { code };
}

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  }).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'UNAVAILABLE',
      `Could not listen on ${LOOPBACK}:${options.port ?? 0} for the sign-in redirect (${error.code ?? error.message}).`,
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = `${LOOPBACK}:${port}`;
  let settle: { resolve(): void; reject(error: AppError): void } | null = null;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (error: AppError | null) => {
    const current = settle;
    settle = null;
    clearTimeout(timer);
    server.close();
    server.closeIdleConnections();
    if (!current) return;
    if (error) current.reject(error);
    else current.resolve();
  };
  const timer = setTimeout(
    () =>
      finish(
        new AppError(
          'NOT_CONNECTED',
          `No answer from the ${options.provider} sign-in page within ${Math.round(options.timeoutMs / 1000)} s, so ` +
            'the sign-in was stopped. Nothing was saved. Start it again and finish it in the browser.',
        ),
      ),
    options.timeoutMs,
  );

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    // A DNS-rebinding page reaches us under its own host name; only the address we handed out is ours.
    if (!settle || req.method !== 'GET' || url.pathname !== CALLBACK_PATH || req.headers.host !== host) {
      send(res, 404, 'Not found', 'This address only receives one sign-in answer.');
      return;
    }
    const answer = readCallback(url, options);
    if (answer instanceof AppError) {
      send(res, 400, 'Sign-in failed', answer.message);
      finish(answer);
      return;
    }
    const current = settle;
    settle = null; // one callback only: a second one while this one is exchanged gets the 404 above
    options.onCode(answer.code).then(
      () => {
        send(res, 200, 'Signed in', 'You can close this tab and go back to SFHS Sync Console.');
        settle = current;
        finish(null);
      },
      (error: unknown) => {
        const failure = error instanceof AppError ? error : new AppError('INTERNAL', (error as Error).message);
        send(res, 400, 'Sign-in failed', failure.message);
        settle = current;
        finish(failure);
      },
    );
  });
  return {
    redirectUri: `http://${host}${CALLBACK_PATH}`,
    done,
    cancel: (reason) => finish(reason),
  };
}

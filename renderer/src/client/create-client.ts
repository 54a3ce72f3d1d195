import { type ConsoleApi, exposedApiKey } from '../../../shared/contract/api.js';
import { createHttpTransport } from './http-transport.js';
import { apiMemberNames, apiOverTransport } from './transport.js';

export type TransportKind = 'preload' | 'http';

export interface ConsoleClient {
  api: ConsoleApi;
  transport: TransportKind;
}

/** The parts of `window` the client needs; tests pass their own. */
export interface HostWindow {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  document: { baseURI: string };
}

/**
 * Picks the way to main once, at start-up: the preload's API in the Electron window, HTTP in browser mode. The UI
 * receives a ConsoleApi either way and cannot tell which it got.
 */
export function createConsoleClient(win: HostWindow): ConsoleClient {
  const preload = (win as unknown as Record<string, unknown>)[exposedApiKey];
  if (preload !== undefined) {
    const missing = apiMemberNames().filter((name) => typeof (preload as Record<string, unknown>)[name] !== 'function');
    if (missing.length > 0) {
      throw new Error(
        `The preload API lacks ${missing.join(', ')}: the preload and the renderer were built from different contracts.`,
      );
    }
    return { api: preload as ConsoleApi, transport: 'preload' };
  }
  const transport = createHttpTransport({
    // Bound: fetch called as a plain function loses its window and throws "Illegal invocation".
    fetch: win.fetch.bind(globalThis),
    EventSource: win.EventSource,
    baseUrl: win.document.baseURI,
  });
  return { api: apiOverTransport(transport), transport: 'http' };
}

/**
 * The secret link has done its job once the page loaded (the server set the session cookie). Removing it from the
 * address bar keeps it out of the history, bookmarks and screenshots.
 */
export function stripSecretFromAddressBar(win: Pick<Window, 'location' | 'history'>): void {
  const url = new URL(win.location.href);
  if (!url.searchParams.has('secret')) return;
  url.searchParams.delete('secret');
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

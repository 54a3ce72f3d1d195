// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { subscribeName } from '../../../shared/contract/api.js';
import { operationNames } from '../../../shared/contract/channels.js';
import { eventNames } from '../../../shared/contract/events.js';
import {
  type HostWindow,
  createConsoleClient,
  stripSecretFromAddressBar,
} from '../../../renderer/src/client/create-client.js';
import { apiMemberNames } from '../../../renderer/src/client/transport.js';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly handlers = new Map<string, (message: MessageEvent<string>) => void>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, handler: (message: MessageEvent<string>) => void) {
    this.handlers.set(name, handler);
  }
  close() {
    this.closed = true;
  }
}

const browserWindow = (fetch: typeof globalThis.fetch): HostWindow => ({
  fetch,
  EventSource: FakeEventSource as unknown as typeof EventSource,
  document: { baseURI: 'http://127.0.0.1:4321/?secret=s#/companies' },
});

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('client factory: one ConsoleApi, two transports', () => {
  test('uses the preload API (window.sfhs) when the Electron preload exposed it', () => {
    const preload = Object.fromEntries(apiMemberNames().map((name) => [name, vi.fn()]));
    const client = createConsoleClient({ ...browserWindow(vi.fn()), sfhs: preload } as HostWindow);
    expect(client.transport).toBe('preload');
    expect(client.api).toBe(preload);
  });

  test('refuses a preload API that does not match the contract, naming what is missing', () => {
    const { getSettings: _omitted, ...partial } = Object.fromEntries(apiMemberNames().map((n) => [n, vi.fn()]));
    expect(() => createConsoleClient({ ...browserWindow(vi.fn()), sfhs: partial } as HostWindow)).toThrow(
      /getSettings/,
    );
  });

  test('falls back to HTTP, with one method per operation and one on<Event> per event', () => {
    const client = createConsoleClient(browserWindow(vi.fn()));
    expect(client.transport).toBe('http');
    for (const name of operationNames) expect(typeof client.api[name]).toBe('function');
    for (const event of eventNames) expect(typeof client.api[subscribeName(event)]).toBe('function');
    expect(Object.keys(client.api).sort()).toEqual(apiMemberNames().sort());
  });

  test('HTTP: an operation is a JSON POST to /api/op/<name> and answers its Result', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: { syncCompanies: true } }));
    const { api } = createConsoleClient(browserWindow(fetch as typeof globalThis.fetch));
    const result = await api.updateSettings({ changes: { syncCompanies: true } });
    expect(result).toEqual({ ok: true, value: { syncCompanies: true } });
    expect(fetch).toHaveBeenCalledWith(
      'http://127.0.0.1:4321/api/op/updateSettings',
      expect.objectContaining({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ changes: { syncCompanies: true } }),
      }),
    );
  });

  test('HTTP: a dead server or a non-Result answer becomes an error Result, never a throw', async () => {
    const down = createConsoleClient(browserWindow(vi.fn(async () => Promise.reject(new TypeError('fetch failed')))));
    expect(await down.api.getSettings({})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const odd = createConsoleClient(browserWindow(vi.fn(async () => new Response('<html>', { status: 502 }))));
    expect(await odd.api.getSettings({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  test('HTTP: events arrive through one EventSource on /api/events, closed when the last listener leaves', () => {
    const { api } = createConsoleClient(browserWindow(vi.fn()));
    const seen: unknown[] = [];
    const stop = api.onSettings((settings) => seen.push(settings));
    const source = FakeEventSource.last;
    expect(source?.url).toBe('http://127.0.0.1:4321/api/events');
    source?.handlers.get('settings')?.(new MessageEvent('settings', { data: '{"syncCompanies":true}' }));
    expect(seen).toEqual([{ syncCompanies: true }]);
    stop();
    expect(source?.closed).toBe(true);
  });
});

test('the secret is removed from the address bar, keeping the page route', () => {
  window.history.pushState(null, '', '/?secret=abc&x=1#/companies');
  stripSecretFromAddressBar(window);
  expect(window.location.pathname + window.location.search + window.location.hash).toBe('/?x=1#/companies');
});

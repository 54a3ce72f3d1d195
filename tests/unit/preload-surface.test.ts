import * as electron from 'electron';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { type ConsoleApi, exposedApiKey, subscribeName } from '../../shared/contract/api.js';
import { operationChannels, operationNames } from '../../shared/contract/channels.js';
import { eventChannels, eventNames } from '../../shared/contract/events.js';
import type { FakeElectron } from './electron/fake-electron.js';

vi.mock('electron', async () => (await import('./electron/fake-electron.js')).fakeElectronModule());
const fake = electron as unknown as FakeElectron;
let api: ConsoleApi;

beforeAll(async () => {
  // The real preload entry, as Electron runs it: it exposes the API through contextBridge.
  await import('../../preload/index.js');
  api = fake.contextBridge.exposed.get(exposedApiKey) as ConsoleApi;
});

describe('preload surface = the contract', () => {
  test(`exposed once, as window.${exposedApiKey}, with exactly one method per operation and one on<Event> per event`, () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual([exposedApiKey]);
    const expected = [...operationNames, ...eventNames.map((event) => subscribeName(event))];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  test('no generic invoke, send or ipcRenderer reaches the page', () => {
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(key);
  });

  test("each method invokes its operation's channel with the argument, and returns main's answer", async () => {
    for (const name of operationNames) {
      fake.ipcRenderer.invoked.length = 0;
      const args = { probe: name };
      await expect((api[name] as (a: unknown) => Promise<unknown>)(args)).resolves.toEqual({
        ok: true,
        value: operationChannels[name],
      });
      expect(fake.ipcRenderer.invoked).toEqual([{ channel: operationChannels[name], args }]);
    }
  });

  test('a subscription gets the payload only (never the IpcRendererEvent), until it unsubscribes', () => {
    for (const event of eventNames) {
      const received: unknown[][] = [];
      const subscribe = api[subscribeName(event)] as (listener: (...args: unknown[]) => void) => () => void;
      const unsubscribe = subscribe((...args) => received.push(args));
      const payload = { event };
      fake.ipcRenderer.emit(eventChannels[event], { sender: fake.ipcRenderer }, payload);
      expect(received).toEqual([[payload]]);

      unsubscribe();
      expect(fake.ipcRenderer.listenerCount(eventChannels[event])).toBe(0);
      fake.ipcRenderer.emit(eventChannels[event], { sender: fake.ipcRenderer }, payload);
      expect(received).toHaveLength(1);
    }
  });

  test('unsubscribing one listener leaves the others subscribed', () => {
    const seen: string[] = [];
    const stopA = api.onProgress(() => seen.push('a'));
    const stopB = api.onProgress(() => seen.push('b'));
    stopA();
    fake.ipcRenderer.emit(eventChannels.progress, {}, { runId: 'r', phase: 'p', done: 0, total: null });
    expect(seen).toEqual(['b']);
    stopB();
  });
});

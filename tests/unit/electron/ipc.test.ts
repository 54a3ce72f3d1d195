import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { operationChannels } from '../../../shared/contract/channels.js';
import { eventChannels } from '../../../shared/contract/events.js';
import { type Services, createServices } from '../../../main/app/services.js';
import { forwardEvents, registerIpcHandlers } from '../../../main/electron/ipc.js';
import { tempDirFactory } from '../../support/temp.js';
import { type FakeElectron, FakeWebContents } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectronModule());
const fake = electron as unknown as FakeElectron;
type FakeWindow = InstanceType<FakeElectron['BrowserWindow']>;

const appUrl = 'file:///opt/sfhs/dist/renderer/index.html';
const tempDir = tempDirFactory();
let services: Services;
let window: FakeWindow;
let removeHandlers: () => void;

beforeEach(async () => {
  services = createServices({ dataDir: tempDir(), runtime: 'electron', version: '9.9.9' });
  window = new fake.BrowserWindow({});
  await window.loadURL(appUrl);
  removeHandlers = registerIpcHandlers(services.handlers, () => window as never, appUrl);
});
afterEach(() => {
  removeHandlers();
  services.close();
});

/** What ipcMain hands a handler when a frame calls `ipcRenderer.invoke(channel, arg)`. */
function invoke(channel: string, arg: unknown, from: Partial<{ sender: unknown; senderFrame: unknown }> = {}) {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame, ...from };
  return handler(event, arg);
}

describe('IPC registration', () => {
  test('exactly one handler per contract operation, on the contract channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.values(operationChannels).sort());
  });

  test('the returned function removes them all (so a second registration does not collide)', () => {
    removeHandlers();
    expect(fake.ipcMain.handlers.size).toBe(0);
    removeHandlers = registerIpcHandlers(services.handlers, () => window as never, appUrl);
    expect(fake.ipcMain.handlers.size).toBe(Object.keys(operationChannels).length);
  });
});

describe('who may call', () => {
  test("the window's main frame showing the app page gets an answer from the real handler", async () => {
    await expect(invoke(operationChannels.getAppInfo, {})).resolves.toMatchObject({
      ok: true,
      value: { version: '9.9.9', runtime: 'electron' },
    });
  });

  test('an iframe of our window is refused with FORBIDDEN, even on the app URL', async () => {
    const result = await invoke(operationChannels.getSettings, {}, { senderFrame: { url: appUrl } });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('our main frame after navigating away (should a guard fail) is refused with FORBIDDEN', async () => {
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke(operationChannels.getSettings, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('another web contents, a destroyed frame, or a closed window is refused with FORBIDDEN', async () => {
    const other = new FakeWebContents();
    other.mainFrame.url = appUrl;
    const refused = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(
      await invoke(operationChannels.getSettings, {}, { sender: other, senderFrame: other.mainFrame }),
    ).toMatchObject(refused);
    expect(await invoke(operationChannels.getSettings, {}, { senderFrame: null })).toMatchObject(refused);
    window.close();
    expect(await invoke(operationChannels.getSettings, {})).toMatchObject(refused);
  });

  test('a refused call changes nothing', async () => {
    const changes = { syncCompanies: true };
    await invoke(operationChannels.updateSettings, { changes }, { senderFrame: { url: appUrl } });
    expect(services.settings.get().syncCompanies).toBe(false);
  });
});

describe('arguments', () => {
  test('a malformed argument answers VALIDATION through dispatch instead of throwing', async () => {
    const result = await invoke(operationChannels.updateSettings, { changes: { pollIntervalMinutes: 'soon' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke(operationChannels.updateSettings, 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  test('a valid argument reaches the handler and its result comes back', async () => {
    const result = await invoke(operationChannels.updateSettings, { changes: { pollIntervalMinutes: 30 } });
    expect(result).toMatchObject({ ok: true, value: { pollIntervalMinutes: 30 } });
  });
});

describe('push events', () => {
  test('every EventBus event reaches the window on its contract channel, as the payload only', () => {
    const stop = forwardEvents(services.events, window as never);
    const progress = { runId: 'r1', phase: 'plan' as const, label: 'Planning accounts', done: 1, total: 2 };
    const line = { runId: null, at: '2026-01-01T00:00:00Z', level: 'info' as const, message: 'hi' };
    services.events.emit('progress', progress);
    services.events.emit('logLine', line);
    const settings = services.settings.update({ matchByDomain: true });
    const connections = services.handlers.getConnections({}) as never;
    services.events.emit('connections', connections);
    expect(window.webContents.sent).toEqual([
      { channel: eventChannels.progress, payload: progress },
      { channel: eventChannels.logLine, payload: line },
      { channel: eventChannels.settings, payload: settings },
      { channel: eventChannels.connections, payload: connections },
    ]);
    stop();
  });

  test('nothing is sent after unsubscribing or to a destroyed window', () => {
    const stop = forwardEvents(services.events, window as never);
    stop();
    services.events.emit('progress', { runId: 'r', phase: 'plan', label: 'Planning accounts', done: 0, total: null });
    const second = new fake.BrowserWindow({});
    forwardEvents(services.events, second as never);
    second.destroyed = true;
    services.events.emit('progress', { runId: 'r', phase: 'plan', label: 'Planning accounts', done: 0, total: null });
    expect(window.webContents.sent).toEqual([]);
    expect(second.webContents.sent).toEqual([]);
  });
});

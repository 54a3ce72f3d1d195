/**
 * A stand-in for the `electron` module (no Electron binary exists on the build machines): just enough of app,
 * BrowserWindow, ipcMain, session, shell, contextBridge and ipcRenderer for the shell's code to run in Node.
 * Use it as `vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectronModule())`.
 */
import { EventEmitter } from 'node:events';

export interface FakeFrame {
  url: string;
}

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame = { url: '' };
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

type HeaderListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: unknown) => void,
) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (...args: unknown[]) => boolean;

interface FakeSession {
  headerListener: HeaderListener | null;
  permissionRequest: PermissionRequestHandler | null;
  permissionCheck: PermissionCheckHandler | null;
  webRequest: { onHeadersReceived(listener: HeaderListener): void };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
}

export function createFakeElectron() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: { userData: '', appPath: '' },
    quitCalls: 0,
    whenReady: () => Promise.resolve(),
    getPath: (name: 'userData') => app.paths[name],
    getAppPath: () => app.paths.appPath,
    getVersion: () => '0.1.0-test',
    requestSingleInstanceLock: (): boolean => true,
    enableSandbox: () => undefined,
    quit: () => {
      app.quitCalls += 1;
    },
    exit: () => undefined,
  });
  const created: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      created.push(this);
      // What Electron does for every new window: the web-contents-created hardening sees it.
      app.emit('web-contents-created', {}, this.webContents);
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    show = () => undefined;
    focus = () => undefined;
    restore = () => undefined;
    loadURL = async (url: string) => {
      this.webContents.mainFrame.url = url;
    };
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const session: FakeSession = {
    headerListener: null,
    permissionRequest: null,
    permissionCheck: null,
    webRequest: {
      onHeadersReceived: (listener) => {
        session.headerListener = listener;
      },
    },
    setPermissionRequestHandler: (handler) => {
      session.permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler) => {
      session.permissionCheck = handler;
    },
  };
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoked: [] as { channel: string; args: unknown }[],
    invoke: async (channel: string, args: unknown) => {
      ipcRenderer.invoked.push({ channel, args });
      return { ok: true, value: channel };
    },
  });
  const exposed = new Map<string, unknown>();
  const opened: string[] = [];
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    createdWindows: created,
    ipcMain: {
      handlers,
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
      on: () => undefined,
    },
    session: { defaultSession: session },
    shell: {
      opened,
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    dialog: { showErrorBox: () => undefined },
    contextBridge: { exposed, exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The module shape `vi.mock` needs: named exports plus `default`, which electron-store imports. */
export function fakeElectronModule() {
  const fake = createFakeElectron();
  return { ...fake, default: fake };
}

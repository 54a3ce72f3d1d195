/**
 * The IPC transport around `dispatch`: one `ipcMain.handle` per contract operation, answered only for the console's
 * own page, and every EventBus event pushed to the window. Validation and error shaping live in dispatch.
 */
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { operationChannels, operationNames } from '../../shared/contract/channels.js';
import { eventChannels, eventNames } from '../../shared/contract/events.js';
import type { Result } from '../../shared/contract/result.js';
import type { EventBus } from '../app/events.js';
import { type Handlers, dispatch } from '../ipc/dispatch.js';
import { isAppUrl } from './security.js';

/**
 * Electron security checklist item 17: only the main frame of our window, showing our page, may call main.
 * An iframe or a page navigated elsewhere (should a guard ever fail) gets nothing.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, appUrl: string): boolean {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame === window.webContents.mainFrame &&
    isAppUrl(frame.url, appUrl)
  );
}

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the console window, so it was refused.' },
};

/** Registers every operation of the contract; returns a function that removes them again. */
export function registerIpcHandlers(
  handlers: Handlers,
  getWindow: () => BrowserWindow | null,
  appUrl: string,
): () => void {
  for (const name of operationNames) {
    ipcMain.handle(operationChannels[name], async (event, rawArgs: unknown) => {
      if (!isTrustedSender(event, getWindow(), appUrl)) {
        console.warn(`Refused ${name} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return forbidden;
      }
      return dispatch(handlers, name, rawArgs);
    });
  }
  return () => {
    for (const name of operationNames) ipcMain.removeHandler(operationChannels[name]);
  };
}

/** Pushes every event to the window until it closes; returns the unsubscribe for all of them. */
export function forwardEvents(events: EventBus, window: BrowserWindow): () => void {
  const unsubscribers = eventNames.map((name) =>
    events.on(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(eventChannels[name], payload);
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/**
 * The object the page sees as `window.sfhs`: one named method per contract operation and one `on<Event>` per push
 * event, built from the contract so it cannot drift from it. Deliberately no generic invoke/send (the Electron docs
 * call that out): the page can reach exactly the contract's channels and nothing else.
 * Imports only the zod-free contract files, so the sandboxed preload bundle stays tiny.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ConsoleApi, EventSubscriptions, OperationMethods } from '../shared/contract/api.js';
import { subscribeName } from '../shared/contract/api.js';
import { operationChannels, operationNames } from '../shared/contract/channels.js';
import { type EventName, type EventPayloads, eventChannels, eventNames } from '../shared/contract/events.js';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

// Object.fromEntries cannot carry a mapped type; the preload-surface test proves the keys equal the contract.
function operationMethods(ipc: PreloadIpc): OperationMethods {
  const entries = operationNames.map((name) => [name, (args: unknown) => ipc.invoke(operationChannels[name], args)]);
  return Object.fromEntries(entries) as OperationMethods;
}

function subscription<E extends EventName>(ipc: PreloadIpc, event: E) {
  return (listener: (payload: EventPayloads[E]) => void): (() => void) => {
    // The page gets the payload only: the IpcRendererEvent would hand it `sender`, i.e. ipcRenderer itself.
    const forward = (_event: IpcRendererEvent, payload: EventPayloads[E]) => listener(payload);
    ipc.on(eventChannels[event], forward);
    return () => {
      ipc.removeListener(eventChannels[event], forward);
    };
  };
}

function eventSubscriptions(ipc: PreloadIpc): EventSubscriptions {
  const entries = eventNames.map((event) => [subscribeName(event), subscription(ipc, event)]);
  return Object.fromEntries(entries) as EventSubscriptions;
}

export function createConsoleApi(ipc: PreloadIpc): ConsoleApi {
  return { ...operationMethods(ipc), ...eventSubscriptions(ipc) } satisfies ConsoleApi;
}

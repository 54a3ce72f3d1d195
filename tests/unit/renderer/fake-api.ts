import type { ConsoleApi } from '../../../shared/contract/api.js';
import type { OperationName } from '../../../shared/contract/channels.js';
import type { EventName } from '../../../shared/contract/events.js';
import type { Result } from '../../../shared/contract/result.js';
import { apiOverTransport } from '../../../renderer/src/client/transport.js';

/**
 * A ConsoleApi over an in-memory transport: tests answer operations with `respond` and push events with `emit`,
 * going through the same surface-building code the browser client uses.
 */
export function fakeApi(respond: (name: OperationName, args: unknown) => Result<unknown>) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { name: OperationName; args: unknown }[] = [];
  const api: ConsoleApi = apiOverTransport({
    call: async (name, args) => {
      calls.push({ name, args });
      return respond(name, args);
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
  });
  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { api, calls, emit };
}

import { type ConsoleApi, subscribeName } from '../../../shared/contract/api.js';
import { operationNames, type OperationName } from '../../../shared/contract/channels.js';
import { eventNames, type EventName } from '../../../shared/contract/events.js';
import type { Result } from '../../../shared/contract/result.js';
// Imports name contract files one by one (not index.js) so zod, which only main needs, stays out of the bundle.

/** What a way of reaching main must provide; the API surface itself is derived from the contract. */
export interface Transport {
  call(name: OperationName, args: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** The names every ConsoleApi has: one per operation, one `on<Event>` per event. */
export const apiMemberNames = (): string[] => [...operationNames, ...eventNames.map((e) => subscribeName(e))];

/**
 * One method per operation and one subscription per event, by looping over the contract, so adding an operation
 * needs no change here. The cast is the single place where the loop meets the mapped type; a test checks the shape.
 */
export function apiOverTransport(transport: Transport): ConsoleApi {
  const api: Record<string, unknown> = {};
  for (const name of operationNames) api[name] = (args: unknown) => transport.call(name, args);
  for (const event of eventNames) {
    api[subscribeName(event)] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as ConsoleApi;
}

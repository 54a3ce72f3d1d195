import type { OperationName } from './channels.js';
import type { EventName, EventPayloads } from './events.js';
import type { OpArgs, OpResult } from './operations.js';
import type { Result } from './result.js';

/** What the renderer sees: one method per operation, one subscribe function per event. */
export type OperationMethods = {
  [K in OperationName]: (args: OpArgs<K>) => Promise<Result<OpResult<K>>>;
};

export type SubscribeName<E extends EventName> = `on${Capitalize<E>}`;

export type EventSubscriptions = {
  [E in EventName as SubscribeName<E>]: (listener: (payload: EventPayloads[E]) => void) => () => void;
};

export type ConsoleApi = OperationMethods & EventSubscriptions;

export const subscribeName = <E extends EventName>(event: E): SubscribeName<E> =>
  `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscribeName<E>;

/** The global name the preload exposes the API under (window.sfhs). */
export const exposedApiKey = 'sfhs';

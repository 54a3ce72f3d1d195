/**
 * A stable connector object whose every call first runs a check (token fresh, scopes granted, no reconnect pending)
 * and then goes to whichever connector is current — the one holding the newest token. The engine keeps the object
 * it got once; a refresh or reconnect underneath does not strand it on an old token. Errors pass `translate`.
 */

export interface ConnectorGuard {
  before(): Promise<void>;
  translate(error: unknown): unknown;
  /** After a failed call: true when something was repaired (a token refreshed) and the call is worth one retry. */
  recover?(error: unknown): Promise<boolean>;
}

export interface MethodKinds<T> {
  /** Methods that return an AsyncIterable (paged reads). */
  iterables: readonly (keyof T)[];
  /** Plain synchronous methods (usage counters): no check, no translation. */
  sync: readonly (keyof T)[];
}

type AnyMethod = (...args: unknown[]) => unknown;

export function guardConnector<T extends object>(current: () => T, kinds: MethodKinds<T>, guard: ConnectorGuard): T {
  const method = (name: keyof T): AnyMethod => {
    const call = (args: unknown[]) => (current()[name] as AnyMethod)(...args);
    if (kinds.sync.includes(name)) return (...args) => call(args);
    if (kinds.iterables.includes(name)) {
      return async function* (...args: unknown[]) {
        await guard.before();
        try {
          yield* call(args) as AsyncIterable<unknown>;
        } catch (error) {
          throw guard.translate(error);
        }
      };
    }
    return async (...args) => {
      await guard.before();
      try {
        return await call(args);
      } catch (error) {
        // A refused token is not applied by the provider, so the one retry after a refresh writes nothing twice.
        if (!(await guard.recover?.(error))) throw guard.translate(error);
      }
      try {
        return await call(args);
      } catch (error) {
        throw guard.translate(error);
      }
    };
  };
  return new Proxy({} as T, { get: (_target, name) => method(name as keyof T) });
}

import type { OperationName } from '../../../shared/contract/channels.js';
import { type EventName, eventNames } from '../../../shared/contract/events.js';
import { type Result, fail } from '../../../shared/contract/result.js';
import type { Transport } from './transport.js';

export interface HttpTransportDeps {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  /** The page's address; API paths are resolved against it. */
  baseUrl: string;
}

const isResult = (body: unknown): body is Result<unknown> =>
  typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';

/**
 * Browser mode: operations are `POST /api/op/<name>`, events one EventSource on `/api/events`. The session cookie the
 * secret link set authenticates both. Like IPC, a call never throws: transport failures become Results too.
 */
export function createHttpTransport(deps: HttpTransportDeps): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const openSource = (): EventSource => {
    const es = new deps.EventSource(new URL('api/events', deps.baseUrl).href);
    for (const event of eventNames) {
      es.addEventListener(event, (message: MessageEvent<string>) => {
        const payload: unknown = JSON.parse(message.data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
    return es;
  };

  return {
    async call(name: OperationName, args: unknown): Promise<Result<unknown>> {
      let response: Response;
      try {
        response = await deps.fetch(new URL(`api/op/${name}`, deps.baseUrl).href, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        return fail('UNAVAILABLE', 'The console server cannot be reached. Is "sfhs ui" still running?');
      }
      const body: unknown = await response.json().catch(() => null);
      if (isResult(body)) return body;
      return fail('INTERNAL', `The console server gave an unexpected answer to ${name} (HTTP ${response.status}).`);
    },

    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      source ??= openSource();
      return () => {
        set.delete(listener);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          source?.close();
          source = null;
        }
      };
    },
  };
}

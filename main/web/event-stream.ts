import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventNames } from '../../shared/contract/index.js';
import type { EventBus } from '../app/events.js';
import { securityHeaders } from './responses.js';

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and the browser from timing the stream out. */
  heartbeatMs?: number;
  /** A client that stops reading is dropped once this much is queued for it; EventSource reconnects by itself. */
  maxQueuedBytes?: number;
}

/** `GET /api/events`: every EventBus event as server-sent events (`event: <name>`, `data: <json>`). */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private readonly heartbeatMs: number;
  private readonly maxQueuedBytes: number;

  constructor(
    private readonly bus: EventBus,
    options: EventStreamOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.maxQueuedBytes = options.maxQueuedBytes ?? 4 * 1024 * 1024;
  }

  get size(): number {
    return this.open.size;
  }

  accept(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      // The stream holds its socket until it ends; closing the socket then (instead of keeping it alive for reuse)
      // lets the server shut down at once.
      Connection: 'close',
    });
    res.write(': connected\n\n');
    const write = (chunk: string) => {
      if (res.writableLength > this.maxQueuedBytes) res.end();
      else res.write(chunk);
    };
    const unsubscribers = eventNames.map((name) =>
      this.bus.on(name, (payload) => write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();
    this.open.add(res);
    const cleanUp = () => {
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribers) unsubscribe();
      this.open.delete(res);
    };
    res.on('close', cleanUp);
    req.on('close', cleanUp);
  }

  closeAll(): void {
    for (const res of this.open) res.end();
  }
}

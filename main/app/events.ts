import { EventEmitter } from 'node:events';
import type { EventName, EventPayloads } from '../../shared/contract/index.js';

/** The typed push-event bus of one set of services; the Electron shell and the web server each forward it. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open window or browser tab; many tabs are legitimate, so no leak warning at 10.
    this.emitter.setMaxListeners(0);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    // structuredClone: receivers get a copy, never a live object the engine keeps mutating.
    this.emitter.emit(event, structuredClone(payload));
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }
}

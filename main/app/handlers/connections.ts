import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

/** The real state of both connections, from the vault; never a token (ConnectionStatus only). */
export const connectionHandlers = (deps: HandlerDeps): Pick<Handlers, 'getConnections'> => ({
  getConnections: () => deps.connections.status(),
});

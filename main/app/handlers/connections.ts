import type { ConnectionStatus, SystemName } from '../../../shared/contract/index.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

const notConnected = (system: SystemName): ConnectionStatus => ({
  system,
  connected: false,
  label: null,
  instanceUrl: null,
  scopes: [],
  expiresAt: null,
  problem: null,
});

/** Until a connection is made (`sfhs connect …`), both sides report "not connected". */
export const connectionHandlers = (_deps: HandlerDeps): Pick<Handlers, 'getConnections'> => ({
  getConnections: () => ({ salesforce: notConnected('salesforce'), hubspot: notConnected('hubspot') }),
});

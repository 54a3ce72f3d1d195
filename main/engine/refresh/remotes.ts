import type { HubSpotConnector, SalesforceConnector } from '../../connectors/types.js';

/** How the engine reaches the two systems: built lazily by the connection service (throws NOT_CONNECTED). */
export interface Remotes {
  salesforce(): SalesforceConnector;
  hubspot(): HubSpotConnector;
  /** Throws (naming the missing scope, or the connection that needs a reconnect) before a real run starts writing. */
  assertReadyToSync(): void;
}

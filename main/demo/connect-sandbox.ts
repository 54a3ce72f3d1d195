import type { ConnectionService } from '../connections/index.js';

/** What the sandbox prints first (`sfhs sandbox`) and `startSandbox().info()` returns: enough to connect. */
export interface SandboxEndpoints {
  salesforce: { url: string; accessToken: string };
  hubspot: { url: string; accessToken: string };
}

/** Connects both sides of a data folder to a running sandbox, through the same verified path as a real connect. */
export async function connectToSandbox(connections: ConnectionService, info: SandboxEndpoints): Promise<void> {
  await connections.connectSalesforce({ instanceUrl: info.salesforce.url, accessToken: info.salesforce.accessToken });
  await connections.connectHubSpot({
    baseUrl: info.hubspot.url,
    accessToken: info.hubspot.accessToken,
    kind: 'privateApp',
  });
}

/** Plain result shapes that cross the boundary. Never a token: only what a person may see. */

export type SystemName = 'salesforce' | 'hubspot';

export interface ConnectionStatus {
  system: SystemName;
  connected: boolean;
  /** Org or portal name, when connected. */
  label: string | null;
  /** Instance or base URL, when connected. */
  instanceUrl: string | null;
  scopes: string[];
  expiresAt: string | null;
  /** Set when the connection exists but needs the user (e.g. a revoked refresh token). */
  problem: string | null;
  /** How it was made: OAuth, a HubSpot private-app token, or a pasted Salesforce access token (scripts). */
  kind: 'oauth' | 'privateApp' | 'accessToken' | null;
  /** Salesforce org id or HubSpot portal id (null when the server did not say). */
  accountId: string | null;
  /** The signed-in user (Salesforce username, HubSpot user e-mail), when known. */
  user: string | null;
  /** The OAuth app used (never its secret), so a reconnect can start from the same app and login URL. */
  oauthApp: { loginUrl: string; clientId: string } | null;
  /** Scopes the sync needs that this connection lacks; a sync refuses to start while any is missing. */
  missingScopes: string[];
}

export interface ConnectionsStatus {
  salesforce: ConnectionStatus;
  hubspot: ConnectionStatus;
  /** How the token vault protects tokens at rest on this machine. */
  vault: VaultProtection;
}

export interface VaultProtection {
  /** `os` = Electron safeStorage (Keychain, DPAPI, libsecret/kwallet); `file` = a 0600 file, not encrypted. */
  encryption: 'os' | 'file';
  /** Why the tokens are not encrypted, when they are not (no keyring, Linux basic_text). */
  note: string | null;
}

/** What a person chose to connect with (OAuth). The client secret goes main-ward only; it is never returned. */
export interface OAuthFlowStart {
  flowId: string;
  /** The provider's sign-in page. Electron has opened it in the system browser; otherwise the caller opens it. */
  authorizeUrl: string;
  openedExternally: boolean;
  /** The loopback callback the provider redirects to (configure it in the connected app / HubSpot app). */
  redirectUri: string;
  /** When the flow gives up waiting for the callback (ISO). */
  expiresAt: string;
}

export interface ConnectOutcome {
  status: ConnectionsStatus;
  /** Shown once per data folder, the first time tokens are written to an unencrypted vault (as the GitHub CLI does). */
  vaultWarning: string | null;
}

export interface DisconnectOutcome {
  status: ConnectionsStatus;
  /** True when the provider confirmed the revoke; false with `note` saying what to do by hand. */
  revoked: boolean;
  note: string | null;
}

export interface AppInfo {
  version: string;
  /** 'electron' for the desktop window, 'browser' for `sfhs ui`. */
  runtime: 'electron' | 'browser';
  dataDir: string;
  schemaVersion: number;
  /** Connected to the built-in demo emulators rather than a real org and portal. */
  demo: boolean;
}

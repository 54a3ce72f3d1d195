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
}

export interface ConnectionsStatus {
  salesforce: ConnectionStatus;
  hubspot: ConnectionStatus;
}

export interface AppInfo {
  version: string;
  /** 'electron' for the desktop window, 'browser' for `sfhs ui`. */
  runtime: 'electron' | 'browser';
  dataDir: string;
  schemaVersion: number;
}

// Types for the tests that import scripts/electron-native.mjs (the scripts run on plain Node, so they stay JS).
export declare const electronMissingMessage: string;
export type ElectronLocation = { ok: true; path: string } | { ok: false; message: string };
export declare function locateElectron(
  resolveBinary?: () => unknown,
  fileExists?: (path: string) => boolean,
): ElectronLocation;
export declare function electronVersion(): string;
export declare function electronSqlitePath(root: string, version: string): string;
export declare function electronGypEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function electronGypArgs(version: string): string[];
export declare function ensureElectronSqlite(root: string, version?: string, env?: NodeJS.ProcessEnv): string;

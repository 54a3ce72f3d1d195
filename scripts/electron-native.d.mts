// Types for the tests that import scripts/electron-native.mjs (the scripts run on plain Node, so they stay JS).
export declare function electronVersion(): string;
export declare function electronSqlitePath(root: string, version: string): string;
export declare function electronGypEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function electronGypArgs(version: string): string[];
export declare function ensureElectronSqlite(root: string, version?: string, env?: NodeJS.ProcessEnv): string;

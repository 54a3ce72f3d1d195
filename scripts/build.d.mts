// Types for the tests that import scripts/build.mjs (the scripts run on plain Node, so they stay JS).
export declare function isMainExternal(id: string): boolean;
export declare function checkPreloadBundle(code: string): void;
export declare function buildRenderer(): Promise<void>;
export declare function buildMain(outDir?: string): Promise<void>;
export declare function buildPreload(outDir?: string): Promise<void>;

// Types for the tests that import scripts/runtime-check.mjs (it runs before tsx is loaded, so it stays JS).
export declare function supportedRanges(engines: string): number[][];
export declare function nodeVersionProblem(nodeVersion: string, engines: string): string | null;
export declare function sqliteProblem(error: unknown, nodeVersion: string): string;
export declare function loadSqlite(requireFrom: string | URL): void;
export declare function runtimeProblem(options: {
  packageJson: string | URL;
  requireFrom: string | URL;
  nodeVersion?: string;
}): string | null;

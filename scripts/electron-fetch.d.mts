// Types for the tests that import scripts/electron-fetch.mjs (the scripts run on plain Node, so they stay JS).
export type ElectronLocation = { ok: true; path: string } | { ok: false; message: string };
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}
export declare const browserHint: string;
export declare function electronDir(): string;
export declare function installedElectron(
  dir?: string,
  env?: NodeJS.ProcessEnv,
  fileExists?: (path: string) => boolean,
): string | null;
export declare function atLeast(version: string, minimum: string): boolean;
export declare function installerNodeProblem(dir?: string, nodeVersion?: string): string | null;
export declare function describeDownloadError(error: unknown): string;
export declare function downloadFailedMessage(version: string, reason: string): string;
export declare function progressReporter(
  version: string,
  stream: ProgressStream,
): (progress: { transferred: number; total: number | null }) => void;
export declare function fetchElectron(options?: {
  dir?: string;
  env?: NodeJS.ProcessEnv;
  out?: ProgressStream;
}): Promise<ElectronLocation>;
export declare function ensureElectron(options?: {
  dir?: string;
  env?: NodeJS.ProcessEnv;
  out?: ProgressStream;
}): Promise<ElectronLocation>;

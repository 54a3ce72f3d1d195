import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const rendererOutDir = join(projectRoot, 'dist', 'renderer');
const lockDir = join(projectRoot, 'dist', '.renderer-build.lock');
/** Everything the bundle is built from. */
const sources = ['renderer', 'shared/contract', 'vite.config.ts', 'main/web/csp.ts'].map((p) => join(projectRoot, p));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function rendererIsStale(): boolean {
  const built = join(rendererOutDir, 'index.html');
  if (!existsSync(built)) return true;
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** mkdir is atomic: the one process that creates the lock builds; test files running in parallel wait for it. */
function tryLock(): boolean {
  mkdirSync(join(projectRoot, 'dist'), { recursive: true });
  try {
    mkdirSync(lockDir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A lock older than two minutes belongs to a run that died mid-build.
    if (Date.now() - statSync(lockDir).mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true });
    return false;
  }
}

/** Builds dist/renderer with the project's vite.config.ts when it is missing or older than its sources. */
export async function ensureRendererBuilt(): Promise<void> {
  while (rendererIsStale()) {
    if (!tryLock()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (!rendererIsStale()) return;
      const { build } = await import('vite');
      await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { projectRoot } from './renderer-build.js';

export interface SpawnedUi {
  url: string;
  origin: string;
  child: ChildProcess;
  /** Ctrl-C, as a person would; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Runs the real `sfhs ui --json` and reads the link from its first stdout line. */
export async function spawnUi(dataDir: string): Promise<SpawnedUi> {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'sfhs.js'), 'ui', '--data-dir', dataDir, '--json'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`sfhs ui exited with ${String(code)} before printing its link: ${stderr}`);
    }),
  ]);
  const { url } = JSON.parse(first) as { url: string };
  return {
    url,
    origin: new URL(url).origin,
    child,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      const [code] = await exited;
      return code as number | null;
    },
  };
}

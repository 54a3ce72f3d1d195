/**
 * The fault suite's hands: the real `sfhs` (bin/sfhs.js) in child processes that can be SIGKILLed, connected to the
 * sandbox the way a person does it (tokens on stdin), and the journal watched from outside.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../sandbox/index.js';
import { type ChildRun, collectOutput } from '../tests/support/child-import.js';

const bin = fileURLToPath(new URL('../bin/sfhs.js', import.meta.url));

export function startSfhs(dataDir: string, argv: string[], stdin?: string): ChildRun {
  const child = spawn(process.execPath, [bin, ...argv, '--data-dir', dataDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, SFHS_DATA_DIR: '' },
  });
  child.stdin?.end(stdin ?? '');
  return collectOutput(child);
}

export const sfhs = (dataDir: string, argv: string[], stdin?: string) => startSfhs(dataDir, argv, stdin).exited;

/** Both connections made through `sfhs connect` and company sync switched on; throws with the CLI's words if not. */
export async function connectByCli(dataDir: string, sandbox: Sandbox): Promise<void> {
  const info = sandbox.info();
  const steps: [string[], string | undefined][] = [
    [
      ['connect', 'salesforce', '--instance-url', info.salesforce.url, '--access-token-stdin'],
      info.salesforce.accessToken,
    ],
    [['connect', 'hubspot', '--base-url', info.hubspot.url, '--private-app-token-stdin'], info.hubspot.accessToken],
    [['settings', 'set', 'syncCompanies', 'true'], undefined],
  ];
  for (const [argv, token] of steps) {
    const { code, stderr } = await sfhs(dataDir, argv, token === undefined ? undefined : `${token}\n`);
    if (code !== 0) throw new Error(`sfhs ${argv.slice(0, 2).join(' ')} exited ${code}: ${stderr}`);
  }
}

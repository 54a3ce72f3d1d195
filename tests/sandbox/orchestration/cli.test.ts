import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { SandboxInfo } from '../../../sandbox/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function sfhs(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['bin/sfhs.js', 'sandbox', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return line;
  throw new Error('no output');
}

const stderrOf = (child: ChildProcess) => {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
};

describe('sfhs sandbox', () => {
  test('prints SandboxInfo JSON as its first line, serves both systems, and exits 0 on SIGTERM', async () => {
    const child = sfhs(['--accounts', '1000', '--contacts', '3000']);
    const info = JSON.parse(await firstLine(child)) as SandboxInfo;
    expect(info.counts.sfAccounts).toBe(1000);
    const sf = await fetch(
      `${info.salesforce.url}/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Account LIMIT 1')}`,
      {
        headers: { authorization: `Bearer ${info.salesforce.accessToken}` },
      },
    );
    expect(sf.status).toBe(200);
    const hs = await fetch(`${info.hubspot.url}/crm/v3/objects/companies?limit=1`, {
      headers: { authorization: `Bearer ${info.hubspot.accessToken}` },
    });
    expect(hs.status).toBe(200);
    expect((await fetch(`${info.admin.url}/stats`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 60_000);

  test.each([
    [['--hs-limit', '110/minute'], /Bad HubSpot limit/],
    [['--faults', 'meteor=1'], /Unknown fault "meteor"/],
    [['--faults', '429=7'], /429 must be a rate/],
    [['--accounts', 'many'], /--accounts must be a whole number/],
  ])(
    'bad options %j exit with code 2 and say why',
    async (args, message) => {
      const child = sfhs(args);
      const stderr = stderrOf(child);
      expect(await exited(child)).toBe(2);
      expect(stderr()).toMatch(message);
    },
    60_000,
  );
});

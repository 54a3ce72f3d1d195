/** Own file: the client keeps retry settings in a process-wide singleton (stack-notes §5). */
import { expect, test } from 'vitest';
import { Client } from '@hubspot/api-client';
import { startHubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { seed } from './helpers.js';

test('R8.1 the client retry on TEN_SECONDLY_ROLLING succeeds once the 10 s window has passed', async () => {
  const emulator = await startHubSpotEmulator({ data: seed(), limits: { privateApp: { perTenSeconds: 1 } } });
  try {
    const client = new Client({ accessToken: emulator.accessToken, basePath: emulator.url, numberOfApiCallRetries: 2 });
    await client.crm.companies.basicApi.getPage(1);
    const started = Date.now();
    // 1st attempt: 429 TEN_SECONDLY_ROLLING; the client waits 10 s × 1 and the 2nd attempt gets through.
    const page = await client.crm.companies.basicApi.getPage(1);
    expect(page.results).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_900);
    expect(emulator.callCounts()).toEqual({ total: 3, rateLimited: 1 });
  } finally {
    await emulator.close();
  }
}, 20_000);

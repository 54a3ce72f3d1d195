/** Prints batch calls per second with limits off; asserts correctness only, never a timing. */
import { Agent, request } from 'node:http';
import { expect, test } from 'vitest';
import type { SandboxRequest } from '../../../sandbox/http/router.js';
import { createHubSpotApp, startHubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { seed } from './helpers.js';

test('throughput: batch read/update calls per second with limits off (printed, not asserted)', async () => {
  const off = { perTenSeconds: null, perDay: null, searchPerSecond: null };
  const emulator = await startHubSpotEmulator({ data: seed(), limits: { privateApp: off, oauth: off } });
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const url = new URL(emulator.url);
  const post = (path: string, body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path,
          headers: { authorization: `Bearer ${emulator.accessToken}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    const read = JSON.stringify({
      inputs: [{ id: '101' }, { id: '102' }, { id: '103' }],
      properties: ['name', 'domain'],
    });
    const update = JSON.stringify({
      inputs: [
        { id: '102', properties: { city: 'Turku' } },
        { id: '103', properties: { city: 'Malmö' } },
      ],
    });
    const total = 6000;
    let next = 0;
    const statuses = new Map<number, number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < total) {
          const i = next++;
          const status = await (i % 2 === 0
            ? post('/crm/v3/objects/companies/batch/read', read)
            : post('/crm/v3/objects/companies/batch/update', update));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `HubSpot emulator: ${Math.round(total / seconds)} batch calls/s (${total} calls in ${seconds.toFixed(2)} s)`,
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: total });
  } finally {
    agent.destroy();
    await emulator.close();
  }
});

/**
 * The same mix without sockets: what the emulator itself costs per call. On small CI machines the loopback HTTP
 * stack alone tops out near the figure printed above, so this one shows the emulator's own headroom.
 */
test('throughput: in-process batch handler calls per second (printed, not asserted)', async () => {
  const off = { perTenSeconds: null, perDay: null, searchPerSecond: null };
  const app = createHubSpotApp({ data: seed(), limits: { privateApp: off } });
  const call = (path: string, body: unknown): Promise<number> => {
    const req: SandboxRequest = {
      method: 'POST',
      path,
      params: {},
      query: new URLSearchParams(),
      headers: { authorization: `Bearer ${app.accessToken}` },
      body,
      rawBody: '',
      locals: {},
    };
    return app.router.handle(req).then((res) => res.status);
  };
  const read = { inputs: [{ id: '101' }, { id: '102' }, { id: '103' }], properties: ['name', 'domain'] };
  const update = {
    inputs: [
      { id: '102', properties: { city: 'Turku' } },
      { id: '103', properties: { city: 'Malmö' } },
    ],
  };
  const total = 50_000;
  let ok = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const status = await (i % 2 === 0
      ? call('/crm/v3/objects/companies/batch/read', read)
      : call('/crm/v3/objects/companies/batch/update', update));
    if (status === 200) ok++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`HubSpot emulator (no sockets): ${Math.round(total / seconds)} batch calls/s`);
  expect(ok).toBe(total);
});

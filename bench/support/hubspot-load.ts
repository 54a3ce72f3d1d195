/**
 * HubSpot batch/read load against a running sandbox, measured from both ends: calls per second, the server's CPU
 * per call (from /proc of the sandbox process) and the caller's own CPU per call. Two callers: the lean generator
 * (load.ts), which shows what the emulator can serve, and the real @hubspot/api-client, which shows what the
 * engine's client gets on the same two cores.
 */
import { Client } from '@hubspot/api-client';
import { encodeRequest, runLoad } from './load.js';
import { pool } from './measure.js';
import { loadAverage, processCpuMs } from './proc.js';

export interface HubSpotTarget {
  url: string;
  accessToken: string;
  /** Companies in the portal; ids run from 10,000,000,001. */
  companies: number;
  /** The sandbox process, for its CPU time; undefined = unknown. */
  serverPid?: number;
}

export interface ServedFigures {
  calls: number;
  callsPerSecond: number;
  /** Server CPU µs per call; undefined when the server's CPU cannot be read. */
  serverCpuUs?: number;
  /** The calling process's CPU µs per call (generator or client library). */
  callerCpuUs: number;
  loadAverage: string;
  statuses: Record<number, number>;
}

const FIRST_COMPANY_ID = 10_000_000_001;

/** `size` consecutive company ids for call number `call`, wrapping around the portal. */
export function batchReadInputs(call: number, size: number, companies: number): Array<{ id: string }> {
  return Array.from({ length: size }, (_, j) => ({ id: String(FIRST_COMPANY_ID + ((call * size + j) % companies)) }));
}

const readBody = (call: number, size: number, companies: number) => ({
  inputs: batchReadInputs(call, size, companies),
  properties: ['name', 'domain'],
  propertiesWithHistory: [],
});

/** Times `work` and reads both processes' CPU around it. */
async function measured(
  target: HubSpotTarget,
  calls: number,
  work: () => Promise<Record<number, number>>,
): Promise<ServedFigures> {
  const serverBefore = target.serverPid === undefined ? undefined : processCpuMs(target.serverPid);
  const callerBefore = process.cpuUsage();
  const started = performance.now();
  const statuses = await work();
  const wallMs = performance.now() - started;
  const caller = process.cpuUsage(callerBefore);
  const serverAfter = target.serverPid === undefined ? undefined : processCpuMs(target.serverPid);
  return {
    calls,
    callsPerSecond: Math.round((calls * 1000) / wallMs),
    serverCpuUs:
      serverBefore === undefined || serverAfter === undefined
        ? undefined
        : ((serverAfter - serverBefore) * 1000) / calls,
    callerCpuUs: (caller.user + caller.system) / calls,
    loadAverage: loadAverage(),
    statuses,
  };
}

/** `calls` batch/read calls of `size` inputs from the lean generator over `connections` keep-alive sockets. */
export function leanBatchReads(
  target: HubSpotTarget,
  calls: number,
  size: number,
  connections: number,
): Promise<ServedFigures> {
  const url = new URL(target.url);
  // 64 distinct bodies prepared up front: the generator then only writes bytes, and the server still sees
  // different ids from call to call.
  const requests = Array.from({ length: 64 }, (_, i) =>
    encodeRequest(url, {
      method: 'POST',
      path: '/crm/v3/objects/companies/batch/read',
      headers: { authorization: `Bearer ${target.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(readBody(i, size, target.companies)),
    }),
  );
  return measured(target, calls, async () => {
    const result = await runLoad(target.url, calls, connections, (i) => requests[i % requests.length] as Buffer);
    return result.statuses;
  });
}

/** The same calls through @hubspot/api-client, `concurrency` at a time. */
export function clientBatchReads(
  target: HubSpotTarget,
  calls: number,
  size: number,
  concurrency: number,
): Promise<ServedFigures> {
  const client = new Client({ accessToken: target.accessToken, basePath: target.url });
  return measured(target, calls, async () => {
    await pool(calls, concurrency, async (i) => {
      await client.crm.companies.batchApi.read(readBody(i, size, target.companies));
    });
    return { 200: calls }; // the client throws on anything else
  });
}

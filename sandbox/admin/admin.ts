/**
 * The sandbox's control panel on its own loopback port, so a test or a person can change faults and limits while
 * a run is going, without restarting the org:
 *   GET  /faults                                 current fault settings of both systems
 *   PUT  /faults?system=salesforce|hubspot|both  body: a spec ("burst429=1,5xx=0.1") as text, a JSON string, or
 *                                                {"spec": "..."}; replaces the system's faults (empty = none)
 *   PUT  /hubspot/limits                         {"kind": "oauth"|"privateApp"|"both", "perTenSeconds", "perDay"}
 *   PUT  /salesforce/limit                       {"max": N, "used"?: N}
 *   GET  /stats                                  API call counts of both systems
 *   POST /reset                                  faults off on both systems
 */
import { FaultSpecError, noFaults, parseFaultSpec } from '../faults/faults.js';
import { json, listen, Router, type SandboxRequest, type SandboxResponse } from '../http/router.js';
import type { HubSpotEmulator } from '../hubspot/index.js';
import type { SalesforceEmulator } from '../salesforce/index.js';
import { LimitSpecError, limitValue } from './limits.js';

export interface AdminServer {
  url: string;
  close(): Promise<void>;
}

class BadRequest extends Error {}

const SYSTEMS = ['salesforce', 'hubspot', 'both'] as const;

function faultSpecText(body: unknown): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (typeof body === 'object' && body !== null && typeof (body as { spec?: unknown }).spec === 'string') {
    return (body as { spec: string }).spec;
  }
  throw new BadRequest('Send the fault spec as text (e.g. "burst429=1,5xx=0.1") or as JSON {"spec": "..."}.');
}

function objectBody(req: SandboxRequest): Record<string, unknown> {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw new BadRequest('Send a JSON object body.');
  }
  return req.body as Record<string, unknown>;
}

/** Every handler's input errors become a 400 whose message says what to send instead. */
const guarded =
  (handler: (req: SandboxRequest) => SandboxResponse) =>
  (req: SandboxRequest): SandboxResponse => {
    try {
      return handler(req);
    } catch (error) {
      if (error instanceof BadRequest || error instanceof FaultSpecError || error instanceof LimitSpecError) {
        return json(400, { error: 'BAD_REQUEST', message: error.message });
      }
      throw error;
    }
  };

export async function startAdminServer(sf: SalesforceEmulator, hs: HubSpotEmulator, port = 0): Promise<AdminServer> {
  const faults = () => ({ salesforce: sf.faults.current(), hubspot: hs.faults.current() });
  const router = new Router()
    .on('GET', '/faults', () => json(200, faults()))
    .on(
      'PUT',
      '/faults',
      guarded((req) => {
        const system = req.query.get('system') ?? 'both';
        if (!(SYSTEMS as readonly string[]).includes(system)) {
          throw new BadRequest(`system must be one of ${SYSTEMS.join(', ')}, got "${system}".`);
        }
        const spec = parseFaultSpec(faultSpecText(req.body));
        if (system !== 'hubspot') sf.faults.configure(spec);
        if (system !== 'salesforce') hs.faults.configure(spec);
        return json(200, faults());
      }),
    )
    .on(
      'PUT',
      '/hubspot/limits',
      guarded((req) => {
        const body = objectBody(req);
        const kind = body.kind ?? 'both';
        if (kind !== 'oauth' && kind !== 'privateApp' && kind !== 'both') {
          throw new BadRequest(`kind must be "oauth", "privateApp" or "both", got ${JSON.stringify(kind)}.`);
        }
        const limits = {
          ...('perTenSeconds' in body
            ? { perTenSeconds: limitValue('perTenSeconds', body.perTenSeconds) ?? null }
            : {}),
          ...('perDay' in body ? { perDay: limitValue('perDay', body.perDay) ?? null } : {}),
        };
        if (kind !== 'privateApp') hs.setLimits('oauth', limits);
        if (kind !== 'oauth') hs.setLimits('privateApp', limits);
        return json(200, { kind, ...limits });
      }),
    )
    .on(
      'PUT',
      '/salesforce/limit',
      guarded((req) => {
        const body = objectBody(req);
        const max = limitValue('max', body.max);
        const used = body.used === undefined ? undefined : Number(body.used);
        if (typeof max !== 'number') throw new BadRequest('max must be a positive whole number.');
        if (used !== undefined && (!Number.isSafeInteger(used) || used < 0)) {
          throw new BadRequest(`used must be a whole number ≥ 0, got ${JSON.stringify(body.used)}.`);
        }
        sf.setDailyLimit(max, used);
        return json(200, sf.usage());
      }),
    )
    .on('GET', '/stats', () =>
      json(200, {
        salesforce: { dailyApiRequests: sf.usage(), apiCallsSinceFaultsSet: sf.faults.calls },
        hubspot: hs.callCounts(),
      }),
    )
    .on('POST', '/reset', () => {
      sf.faults.configure(noFaults());
      hs.faults.configure(noFaults());
      return json(200, faults());
    });
  const running = await listen(router, port);
  return { url: running.url, close: () => running.close() };
}

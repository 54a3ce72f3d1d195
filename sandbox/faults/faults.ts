/**
 * Fault injection shared by both emulators: set at start (`--faults SPEC`) or at run time (admin endpoint).
 * Deterministic for a given seed, so a failing test can be replayed.
 *
 * SPEC is comma-separated `name=value` pairs:
 *   429=0.05          answer 5 % of API calls with the system's rate-limit error
 *   burst429=20       the next 20 API calls get the rate-limit error
 *   5xx=0.01          1 % get a 503
 *   slow=0.1@250      10 % are delayed 250 ms
 *   drop=0.01         1 % have their connection dropped without an answer
 *   partial=0.02      2 % of the records in batch writes fail individually (207 / per-record errors)
 *   expire-after=500  access tokens stop working after 500 API calls (401; a refresh issues a working one)
 *   seed=7            the random seed
 */
import type { BeforeHook, SandboxRequest, SandboxResponse } from '../http/router.js';

export interface FaultSpec {
  rate429: number;
  burst429: number;
  rate5xx: number;
  slowRate: number;
  slowMs: number;
  dropRate: number;
  partialRate: number;
  expireAfter: number | null;
  seed: number;
}

export const noFaults = (): FaultSpec => ({
  rate429: 0,
  burst429: 0,
  rate5xx: 0,
  slowRate: 0,
  slowMs: 0,
  dropRate: 0,
  partialRate: 0,
  expireAfter: null,
  seed: 1,
});

export class FaultSpecError extends Error {}

const rate = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new FaultSpecError(`${name} must be a rate from 0 to 1, got "${value}"`);
  return n;
};
const count = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new FaultSpecError(`${name} must be a whole number, got "${value}"`);
  return n;
};

export function parseFaultSpec(spec: string, base: FaultSpec = noFaults()): FaultSpec {
  const out = { ...base };
  for (const pair of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    switch (name) {
      case '429':
        out.rate429 = rate(name, value);
        break;
      case 'burst429':
        out.burst429 = count(name, value);
        break;
      case '5xx':
        out.rate5xx = rate(name, value);
        break;
      case 'slow': {
        const [r = '', ms = '200'] = value.split('@');
        out.slowRate = rate(name, r);
        out.slowMs = count('slow delay', ms);
        break;
      }
      case 'drop':
        out.dropRate = rate(name, value);
        break;
      case 'partial':
        out.partialRate = rate(name, value);
        break;
      case 'expire-after':
        out.expireAfter = count(name, value);
        break;
      case 'seed':
        out.seed = count(name, value);
        break;
      default:
        throw new FaultSpecError(
          `Unknown fault "${name}". Known: 429, burst429, 5xx, slow, drop, partial, expire-after, seed.`,
        );
    }
  }
  return out;
}

/** mulberry32: tiny, fast, good enough for fault dice. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How each system words the faults (the bodies differ: see wire-formats A3 and B6). */
export interface FaultRenderers {
  rateLimited(req: SandboxRequest): SandboxResponse;
  serverError(req: SandboxRequest): SandboxResponse;
}

export class FaultInjector {
  private spec: FaultSpec;
  private dice: () => number;
  private burstLeft: number;
  /** API calls seen since the spec was set; token expiry counts these. */
  calls = 0;
  /** Faults answered so far, by kind (a fault suite reports them); never reset. */
  readonly injected = { '429': 0, '5xx': 0, drop: 0, partial: 0, expired: 0 };

  constructor(spec: FaultSpec = noFaults()) {
    this.spec = spec;
    this.dice = random(spec.seed);
    this.burstLeft = spec.burst429;
  }

  configure(spec: FaultSpec): void {
    this.spec = spec;
    this.dice = random(spec.seed);
    this.burstLeft = spec.burst429;
    this.calls = 0;
  }

  current(): FaultSpec {
    return { ...this.spec, burst429: this.burstLeft };
  }

  /** True when a token issued before call number `issuedAtCall` has passed its injected lifetime. */
  tokenExpired(issuedAtCall: number): boolean {
    const expired = this.spec.expireAfter !== null && this.calls - issuedAtCall >= this.spec.expireAfter;
    if (expired) this.injected.expired++;
    return expired;
  }

  /** Decides per record in a batch write whether it fails (207 / per-record error). */
  failRecord(): boolean {
    const fail = this.spec.partialRate > 0 && this.dice() < this.spec.partialRate;
    if (fail) this.injected.partial++;
    return fail;
  }

  /** A before-hook for API routes; `isApi` keeps OAuth pages and admin calls out of the dice. */
  hook(renderers: FaultRenderers, isApi: (req: SandboxRequest) => boolean): BeforeHook {
    return (req) => {
      if (!isApi(req)) return undefined;
      this.calls++;
      const s = this.spec;
      if (this.burstLeft > 0) {
        this.burstLeft--;
        this.injected['429']++;
        return renderers.rateLimited(req);
      }
      if (s.dropRate > 0 && this.dice() < s.dropRate) {
        this.injected.drop++;
        return { status: 0, drop: true };
      }
      if (s.rate429 > 0 && this.dice() < s.rate429) {
        this.injected['429']++;
        return renderers.rateLimited(req);
      }
      if (s.rate5xx > 0 && this.dice() < s.rate5xx) {
        this.injected['5xx']++;
        return renderers.serverError(req);
      }
      if (s.slowRate > 0 && this.dice() < s.slowRate) req.locals.delayMs = s.slowMs;
      return undefined;
    };
  }
}

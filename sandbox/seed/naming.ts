/**
 * Names, domains, websites, ids and timestamps, each a pure function of an index (plus the PRNG where variety is
 * wanted), so the generator never needs a table of what it already made: the domain of account 123 456 can be
 * recomputed when a HubSpot company must share it.
 */
import { to18 } from '../salesforce/ids.js';
import type { Random } from './random.js';
import { LEGAL_FORMS, NAME_CORES, NAME_PREFIXES, TLDS } from './words.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Seeded Salesforce ids use the pod letters `Ha`, the emulator's own `Hp`: seeded records never collide with ids the
 * emulator hands out later, and they sort first, so `ORDER BY Id` still follows creation order.
 */
export function seedSfId(prefix: string, n: number): string {
  let body = '';
  for (let i = 0; i < 10; i++) {
    body = BASE62[n % 62] + body;
    n = Math.floor(n / 62);
  }
  return to18(`${prefix}Ha${body}`);
}

/** The HubSpot emulator's id ranges (companies 10 000 000 001…, contacts 20 000 000 001…). */
export const hsCompanyId = (k: number): string => String(10_000_000_001 + k);
export const hsContactId = (k: number): string => String(20_000_000_001 + k);

const COMBOS = NAME_PREFIXES.length * NAME_CORES.length * TLDS.length;
/** A multiplier coprime with COMBOS, so `index × STRIDE mod COMBOS` visits every combination before repeating. */
const STRIDE = 7919;

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

export interface CompanyIdentity {
  name: string;
  /** Normalised form (lower case, no scheme, no www, no path); unique per index. */
  domain: string;
}

/**
 * Company `index` (accounts use 0…N−1, HubSpot-only companies continue above) gets a unique domain: the first
 * COMBOS indexes use plain `prefixcore.tld`, later rounds add a number, as real look-alike companies do.
 */
export function companyIdentity(index: number, salt: number): CompanyIdentity {
  const slot = (index * STRIDE + salt) % COMBOS;
  const round = Math.floor(index / COMBOS);
  const prefix = NAME_PREFIXES[slot % NAME_PREFIXES.length] as string;
  const rest = Math.floor(slot / NAME_PREFIXES.length);
  const core = NAME_CORES[rest % NAME_CORES.length] as string;
  const tld = TLDS[Math.floor(rest / NAME_CORES.length)] as string;
  const legal = LEGAL_FORMS[(index + salt) % LEGAL_FORMS.length] as string;
  const name = [prefix, core, round > 0 ? String(round + 1) : '', legal].filter(Boolean).join(' ');
  return { name, domain: `${slug(prefix)}${slug(core)}${round > 0 ? `-${round + 1}` : ''}.${tld}` };
}

/** How people type a website into Salesforce: every form the domain normaliser (R6.3) must see through. */
const WEBSITE_FORMS: ReadonlyArray<(d: string) => string> = [
  (d) => d,
  (d) => `https://www.${d}/`,
  (d) => `http://${d}/about`,
  (d) => `www.${d}`,
  (d) => d.charAt(0).toUpperCase() + d.slice(1),
  (d) => `https://${d}`,
  (d) => `HTTP://WWW.${d.toUpperCase()}`,
  (d) => `https://www.${d}/en-us/contact?ref=crm`,
];

/** A messy Website for a domain, or null (blank) for about 1 in 12 accounts. */
export function messyWebsite(domain: string, rng: Random): string | null {
  if (rng.chance(1 / 12)) return null;
  return rng.pick(WEBSITE_FORMS)(domain);
}

export function phoneNumber(rng: Random): string {
  return `+1 (${rng.between(200, 989)}) ${rng.between(200, 989)}-${String(rng.int(10000)).padStart(4, '0')}`;
}

/**
 * A pool of timestamps between 2019 and mid-2025, shared by all records: a million accounts reuse a few thousand
 * strings instead of holding three fresh ones each. Sorted, so index order is time order.
 */
export class Timestamps {
  private readonly pool: string[] = [];

  constructor(rng: Random, size = 8192) {
    const from = Date.UTC(2019, 0, 1);
    const to = Date.UTC(2025, 5, 30);
    const times: number[] = [];
    for (let i = 0; i < size; i++) times.push(from + Math.floor(rng.next() * (to - from)));
    times.sort((a, b) => a - b);
    for (const t of times) this.pool.push(new Date(t).toISOString());
  }

  /** A created/modified pair with modified ≥ created. */
  pair(rng: Random): { created: string; modified: string } {
    const c = rng.int(this.pool.length);
    const m = c + rng.int(this.pool.length - c);
    return { created: this.pool[c] as string, modified: this.pool[m] as string };
  }
}

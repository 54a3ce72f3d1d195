/**
 * Value equality for diffing (R2.4: re-seen records are no-ops) and for the three-way merge (R7.4).
 * Both systems spell the same value differently: HubSpot sends every property as a string, clears with '',
 * and Salesforce answers numbers, booleans and null.
 */

export type ComparableValue = string | number | boolean | null | undefined;

export interface EqualityOptions {
  /** Multi-select values (`a;b`): equal as sets, order and repeats ignored. */
  multiValue?: boolean;
}

/** Blank: null, undefined, or a string of only whitespace. `false` and `0` are values, not blanks. */
export const isBlank = (value: ComparableValue): boolean =>
  value == null || (typeof value === 'string' && value.trim() === '');

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Whether two values mean the same thing.
 * - blanks are equal to each other ('' == null);
 * - a number equals a numeric string (`10` == '10.0'); two strings are never compared as numbers, since phone
 *   numbers and codes with leading zeros are strings that only look numeric;
 * - a boolean equals 'true'/'false' in any case;
 * - two ISO date-times are equal when they name the same instant (`Z` vs `+0000`, with or without millis);
 * - other strings are compared after trimming, case-sensitively (a case change is a real edit).
 */
export function equalValues(a: ComparableValue, b: ComparableValue, options: EqualityOptions = {}): boolean {
  const aBlank = isBlank(a);
  const bBlank = isBlank(b);
  if (aBlank || bBlank || a == null || b == null) return aBlank && bBlank;
  if (typeof a === 'boolean' || typeof b === 'boolean') return booleanText(a) === booleanText(b);
  if (typeof a === 'number' || typeof b === 'number') return asNumber(a) === asNumber(b) && asNumber(a) !== null;

  const left = a.trim();
  const right = b.trim();
  if (left === right) return true;
  if (options.multiValue) return sameSet(splitMultiValue(left), splitMultiValue(right));
  if (ISO_DATETIME.test(left) && ISO_DATETIME.test(right)) {
    const leftTime = parseInstant(left);
    return leftTime !== null && leftTime === parseInstant(right);
  }
  return false;
}

/** `a; b;;a` → ['a', 'b']: the separator both systems use for multi-select values, blanks and repeats dropped. */
export function splitMultiValue(value: string): string[] {
  const parts = value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return [...new Set(parts)];
}

/** Milliseconds since the epoch of an ISO instant (also SF's `+0000` offset form), or null when unparsable. */
export function parseInstant(value: string | null | undefined): number | null {
  if (value == null || value.trim() === '') return null;
  // SF writes the offset without a colon (`+0000`); make it ISO-8601 so every engine parses it the same.
  const iso = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

function booleanText(value: string | number | boolean): string {
  return String(value).trim().toLowerCase();
}

function asNumber(value: string | number | boolean): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return null;
}

function sameSet(left: string[], right: string[]): boolean {
  const rightSet = new Set(right);
  return left.length === rightSet.size && left.every((item) => rightSet.has(item));
}

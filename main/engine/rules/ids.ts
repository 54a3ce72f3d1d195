/**
 * R0.2 Salesforce Ids are compared in their 18-character case-safe form.
 *
 * A 15-character Id is case-sensitive; the 18-character form appends three checksum characters that encode, for
 * each block of five characters, which ones are upper-case. That makes the 18-char form safe to compare
 * case-insensitively (spreadsheets and some tools lower-case Ids), and lets us restore the original case.
 */

/** Key prefixes (the first three characters) of the objects this console reads and writes. */
export const SF_KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  User: '005',
} as const;

export type SfObjectName = keyof typeof SF_KEY_PREFIX;

export type SfIdErrorCode = 'SF_ID_BLANK' | 'SF_ID_LENGTH' | 'SF_ID_CHARSET' | 'SF_ID_CHECKSUM' | 'SF_ID_PREFIX';

export type SfIdParseResult =
  | { ok: true; id18: string; keyPrefix: string }
  | { ok: false; code: SfIdErrorCode; message: string };

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
/** `000` is Salesforce's "empty key" (e.g. `000000000000000AAA`), never a real record. */
const EMPTY_KEY_PREFIX = '000';

const isUpperAsciiLetter = (ch: string): boolean => ch >= 'A' && ch <= 'Z';

/** The three checksum characters for a (case-sensitive) 15-character Id. */
export function sfIdChecksum(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      if (isUpperAsciiLetter(id15.charAt(block * 5 + i))) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * Restores the case of the first 15 characters from an 18-char Id's checksum, or null when the checksum cannot
 * describe those characters (it marks a digit as upper-case, or uses a character outside its alphabet).
 */
function restoreCase(id18: string): string | null {
  const suffix = id18.slice(15).toUpperCase();
  let restored = '';
  for (let block = 0; block < 3; block++) {
    const bits = CHECKSUM_ALPHABET.indexOf(suffix.charAt(block));
    if (bits < 0) return null;
    for (let i = 0; i < 5; i++) {
      const ch = id18.charAt(block * 5 + i);
      const upper = (bits & (1 << i)) !== 0;
      if (upper && !/[A-Za-z]/.test(ch)) return null;
      restored += upper ? ch.toUpperCase() : ch.toLowerCase();
    }
  }
  return restored + suffix;
}

/**
 * An 18-char Id as given when its checksum matches; restored from the checksum only when the case was evidently
 * lost (all letters one case). A mixed-case Id with a wrong checksum is rejected, never silently re-cased.
 */
function canonical18(id: string): string | null {
  const head = id.slice(0, 15);
  const suffix = id.slice(15).toUpperCase();
  if (sfIdChecksum(head) === suffix) return head + suffix;
  const caseLost = head === head.toLowerCase() || head === head.toUpperCase();
  return caseLost ? restoreCase(id) : null;
}

/**
 * Validates an Id and returns its canonical 18-char form. Surrounding whitespace is ignored (Ids pasted from
 * spreadsheets). An 18-char Id whose case was lost is accepted and its case restored from the checksum.
 */
export function parseSfId(raw: string, expected?: SfObjectName): SfIdParseResult {
  const id = raw.trim();
  if (id === '') return { ok: false, code: 'SF_ID_BLANK', message: 'The Salesforce Id is blank.' };
  if (id.length !== 15 && id.length !== 18) {
    return {
      ok: false,
      code: 'SF_ID_LENGTH',
      message: `"${id}" is not a Salesforce Id: it has ${id.length} characters, an Id has 15 or 18.`,
    };
  }
  if (!ALPHANUMERIC.test(id)) {
    return { ok: false, code: 'SF_ID_CHARSET', message: `"${id}" is not a Salesforce Id: only letters and digits.` };
  }
  const id18 = id.length === 15 ? id + sfIdChecksum(id) : canonical18(id);
  if (id18 === null) {
    return {
      ok: false,
      code: 'SF_ID_CHECKSUM',
      message: `"${id}" is not a Salesforce Id: its last three characters do not match the rest.`,
    };
  }
  const keyPrefix = id18.slice(0, 3);
  if (keyPrefix === EMPTY_KEY_PREFIX) {
    return { ok: false, code: 'SF_ID_PREFIX', message: `"${id}" is Salesforce's empty Id, not a record.` };
  }
  if (expected !== undefined && keyPrefix !== SF_KEY_PREFIX[expected]) {
    return {
      ok: false,
      code: 'SF_ID_PREFIX',
      message: `"${id}" starts with ${keyPrefix}, but ${expected} Ids start with ${SF_KEY_PREFIX[expected]}.`,
    };
  }
  return { ok: true, id18, keyPrefix };
}

export const isSfId = (raw: string, expected?: SfObjectName): boolean => parseSfId(raw, expected).ok;

/** The 18-char form of a valid Id; throws (with the parse message) on an invalid one. */
export function toSfId18(raw: string, expected?: SfObjectName): string {
  const parsed = parseSfId(raw, expected);
  if (!parsed.ok) throw new Error(`${parsed.code}: ${parsed.message}`);
  return parsed.id18;
}

/** R0.2 Same record? Accepts either form on each side; blank or invalid Ids never equal anything. */
export function sameSfId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return false;
  const left = parseSfId(a);
  const right = parseSfId(b);
  return left.ok && right.ok && left.id18 === right.id18;
}

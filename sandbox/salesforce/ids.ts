/**
 * Salesforce record ids: 15 case-sensitive characters (3-char key prefix + 12) plus a 3-char checksum that makes
 * the 18-char form case-insensitive. The checksum is Salesforce's published algorithm: for each 5-char chunk, a
 * bit per upper-case letter, read as a number into "A..Z0..5".
 */

export const KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  User: '005',
  Organization: '00D',
  BulkJob: '750',
  QueryLocator: '01g',
} as const;

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{18}$/;

export function to18(id15: string): string {
  if (ID18.test(id15)) return id15;
  if (!ID15.test(id15)) throw new Error(`Not a Salesforce id: "${id15}"`);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return id15 + suffix;
}

/** The 18-char form of a 15- or 18-char id, or undefined when the text is not an id (MALFORMED_ID). */
export function normalizeId(text: string): string | undefined {
  if (ID18.test(text)) return to18(text.slice(0, 15)) === text ? text : to18(text.slice(0, 15));
  if (ID15.test(text)) return to18(text);
  return undefined;
}

/**
 * Hands out fresh ids for one key prefix. Ids look like real ones (`001` + pod-ish `Hp` + base62 counter) and
 * sort in creation order, so `ORDER BY Id` matches insertion order as it does in a real org.
 */
export class IdGenerator {
  private counter = 0;

  constructor(
    private readonly prefix: string,
    private readonly taken: (id: string) => boolean = () => false,
  ) {}

  next(): string {
    for (;;) {
      this.counter++;
      let n = this.counter;
      let body = '';
      for (let i = 0; i < 10; i++) {
        body = BASE62[n % 62] + body;
        n = Math.floor(n / 62);
      }
      const id = to18(`${this.prefix}Hp${body}`);
      if (!this.taken(id)) return id;
    }
  }
}

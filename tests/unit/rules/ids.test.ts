import { describe, expect, test } from 'vitest';
import { isSfId, parseSfId, SF_KEY_PREFIX, sameSfId, sfIdChecksum, toSfId18 } from '../../../main/engine/rules/ids.js';

describe('R0.2 15 → 18 character conversion', () => {
  test.each([
    // Published worked examples of Salesforce's CASESAFEID algorithm.
    { id15: 'a0D30000001n7Pi', id18: 'a0D30000001n7PiEAI' },
    { id15: '0019000000B98de', id18: '0019000000B98deAAB' },
    { id15: '001000000000000', id18: '001000000000000AAA' },
    { id15: 'ABCDEFGHIJKLMNO', id18: 'ABCDEFGHIJKLMNO555' },
    { id15: '001Ab00000XyZ12', id18: '001Ab00000XyZ12IAF' },
  ])('R0.2 $id15 → $id18', ({ id15, id18 }) => {
    expect(sfIdChecksum(id15)).toBe(id18.slice(15));
    expect(toSfId18(id15)).toBe(id18);
    expect(toSfId18(id18)).toBe(id18);
  });

  test('R0.2 surrounding whitespace from spreadsheets is ignored', () => {
    expect(toSfId18('  0019000000B98de \t')).toBe('0019000000B98deAAB');
  });

  test.each([
    { given: '0019000000b98deaab', restored: '0019000000B98deAAB' },
    { given: '0019000000B98DEAAB', restored: '0019000000B98deAAB' },
    { given: 'A0D30000001N7PIEAI', restored: 'a0D30000001n7PiEAI' },
  ])('R0.2 an 18-char id whose case was lost ($given) is restored from its checksum', ({ given, restored }) => {
    expect(toSfId18(given)).toBe(restored);
  });
});

describe('R0.2 validation', () => {
  test.each([
    { raw: '', code: 'SF_ID_BLANK' },
    { raw: '   ', code: 'SF_ID_BLANK' },
    { raw: '0019000000B98d', code: 'SF_ID_LENGTH' },
    { raw: '0019000000B98deAA', code: 'SF_ID_LENGTH' },
    { raw: '0019000000B98-e', code: 'SF_ID_CHARSET' },
    { raw: '0019000000B98déAAB', code: 'SF_ID_CHARSET' },
    // Mixed case with a checksum that does not fit: rejected, not silently re-cased.
    { raw: '0019000000B98deAAA', code: 'SF_ID_CHECKSUM' },
    // Checksum character outside A–Z0–5.
    { raw: '0019000000b98de99Z', code: 'SF_ID_CHECKSUM' },
    // Checksum marks a digit as upper-case.
    { raw: '001900000ob98de5AA', code: 'SF_ID_CHECKSUM' },
    { raw: '000000000000000', code: 'SF_ID_PREFIX' },
  ])('R0.2 "$raw" is rejected with $code', ({ raw, code }) => {
    const parsed = parseSfId(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe(code);
      expect(parsed.message.length).toBeGreaterThan(10);
    }
    expect(isSfId(raw)).toBe(false);
  });

  test.each([
    { raw: '0019000000B98de', expected: 'Account', ok: true },
    { raw: '0039000000B98de', expected: 'Contact', ok: true },
    { raw: '00Q9000000B98de', expected: 'Lead', ok: true },
    { raw: '0059000000B98de', expected: 'User', ok: true },
    { raw: '0039000000B98de', expected: 'Account', ok: false },
    // Key prefixes are case-sensitive in the 15-char form: 00q… is not a Lead.
    { raw: '00q9000000B98de', expected: 'Lead', ok: false },
  ] as const)('R0.2 key prefix of $raw checked against $expected: $ok', ({ raw, expected, ok }) => {
    const parsed = parseSfId(raw, expected);
    expect(parsed.ok).toBe(ok);
    if (!parsed.ok) expect(parsed.code).toBe('SF_ID_PREFIX');
    else expect(parsed.keyPrefix).toBe(SF_KEY_PREFIX[expected]);
  });

  test('R0.2 toSfId18 throws with the code on an invalid id', () => {
    expect(() => toSfId18('nope')).toThrow(/SF_ID_LENGTH/);
    expect(() => toSfId18('0039000000B98de', 'Account')).toThrow(/SF_ID_PREFIX/);
  });
});

describe('R0.2 sameSfId', () => {
  test.each([
    { a: '0019000000B98de', b: '0019000000B98deAAB', same: true },
    { a: '0019000000B98deAAB', b: '0019000000b98deaab', same: true },
    { a: '0019000000B98de', b: '0019000000b98deaab', same: true },
    // Two 15-char ids differing only in case are different records.
    { a: '0019000000B98de', b: '0019000000b98de', same: false },
    { a: '0019000000B98de', b: '0019000000B98dF', same: false },
    { a: '0019000000B98de', b: null, same: false },
    { a: undefined, b: undefined, same: false },
    { a: 'garbage', b: 'garbage', same: false },
  ])('R0.2 sameSfId($a, $b) = $same', ({ a, b, same }) => {
    expect(sameSfId(a, b)).toBe(same);
    expect(sameSfId(b, a)).toBe(same);
  });
});

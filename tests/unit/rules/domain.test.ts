import { describe, expect, test } from 'vitest';
import { normalizeDomain, sameDomain } from '../../../main/engine/rules/domain.js';

describe('R6.3 / R7.8 domain normaliser', () => {
  test.each([
    { input: 'https://www.X.com/', domain: 'x.com' },
    { input: 'X.com', domain: 'x.com' },
    { input: 'http://x.com:8080/path?q', domain: 'x.com' },
    { input: '  www.example.co.uk  ', domain: 'example.co.uk' },
    { input: 'HTTP://WWW.EXAMPLE.COM/About#team', domain: 'example.com' },
    { input: '//cdn.example.com/a', domain: 'cdn.example.com' },
    { input: 'example.com.', domain: 'example.com' },
    { input: 'example.com?utm=1', domain: 'example.com' },
    { input: 'example.com\\path', domain: 'example.com' },
    { input: 'https://user:secret@shop.example.com/', domain: 'shop.example.com' },
    { input: 'ftp://files.example.org', domain: 'files.example.org' },
    { input: 'sub.www.example.com', domain: 'sub.www.example.com' },
    { input: 'www.com', domain: 'www.com' },
    { input: 'my-company.io', domain: 'my-company.io' },
    { input: 'café.se', domain: 'xn--caf-dma.se' },
    { input: 'https://www.Café.se/menu', domain: 'xn--caf-dma.se' },
  ])('R6.3 "$input" → $domain', ({ input, domain }) => {
    expect(normalizeDomain(input)).toBe(domain);
  });

  test.each([
    { input: null },
    { input: undefined },
    { input: '' },
    { input: '  ' },
    { input: 'http://' },
    { input: 'https:///path' },
    { input: 'localhost' },
    { input: 'http://192.168.0.1/' },
    { input: 'x.com y.com' },
    { input: 'x.com, y.com' },
    { input: 'x.com;y.com' },
    { input: '-bad-.com' },
    { input: 'exa_mple.com' },
    { input: 'n/a' },
    { input: `${'a'.repeat(64)}.com` },
  ])('R6.3 "$input" is not a domain (null)', ({ input }) => {
    expect(normalizeDomain(input)).toBeNull();
  });

  test.each([
    { a: 'https://www.acme.com/', b: 'ACME.com', same: true },
    { a: 'acme.com', b: 'acme.org', same: false },
    { a: '', b: '', same: false },
    { a: null, b: null, same: false },
    { a: 'shop.acme.com', b: 'acme.com', same: false },
  ])('R6.3 sameDomain($a, $b) = $same (blanks never match)', ({ a, b, same }) => {
    expect(sameDomain(a, b)).toBe(same);
  });
});

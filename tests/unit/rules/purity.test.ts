import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

/** The rules are pure: relative imports only (no node:, electron, DOM or packages), no clock, no randomness. */
const rulesDir = fileURLToPath(new URL('../../../main/engine/rules/', import.meta.url));
const files = readdirSync(rulesDir).filter((name) => name.endsWith('.ts'));

describe('engine rules stay pure', () => {
  test('there are rule modules to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  test.each(files)('%s imports only sibling rule modules and the (pure) contract, with .js suffixes', (file) => {
    const source = readFileSync(rulesDir + file, 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1]);
    for (const specifier of specifiers)
      expect(specifier).toMatch(/^(\.\/[\w-]+|\.\.\/\.\.\/\.\.\/shared\/contract\/[\w-]+)\.js$/);
    expect(source).not.toMatch(/\bimport\(/);
    expect(source).not.toMatch(/\brequire\(/);
  });

  test.each(files)('%s reads no clock and no randomness (times are passed in)', (file) => {
    const source = readFileSync(rulesDir + file, 'utf8');
    expect(source).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(/);
    expect(source).not.toMatch(/\b(window|document|localStorage|process|globalThis)\./);
  });
});

import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sourceFiles } from '../support/source-files.js';

const root = new URL('../../shared/', import.meta.url).pathname;

test('shared/ imports only itself and zod: no electron, node or DOM modules', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(root)) {
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm),
      ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
      ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((match) => match[1]);
    for (const specifier of specifiers) {
      if (!specifier?.startsWith('.') && specifier !== 'zod') offenders.push(`${file}: ${specifier}`);
    }
  }
  expect(sourceFiles(root).length).toBeGreaterThan(3);
  expect(offenders).toEqual([]);
});

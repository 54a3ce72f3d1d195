import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sourceFiles } from '../../support/source-files.js';

const root = new URL('../../../renderer/src/', import.meta.url).pathname;

/** The code without its comments: what is left can reach a person's screen. */
const withoutComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

test('rule ids (R1.1, R2.6, R7 …) are in comments and tests only, never in what the renderer shows', () => {
  const leaks: string[] = [];
  for (const file of sourceFiles(root)) {
    const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (/\bR\d{1,2}(\.\d+)?[a-z]?\b/.test(line))
        leaks.push(`${file.slice(root.length)}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(sourceFiles(root).length).toBeGreaterThan(40);
  expect(leaks).toEqual([]);
});

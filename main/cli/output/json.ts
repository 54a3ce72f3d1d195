/**
 * JSON on stdout for scripts: one object per line. Long lists stream (NDJSON, or an array written piece by piece)
 * so a million-row answer needs no million-row array in memory.
 */
import type { Writable } from 'node:stream';
import { isClosed } from './pipe.js';

export const printJson = (stream: Writable, value: unknown): void => {
  stream.write(`${JSON.stringify(value)}\n`);
};

/** `{...head, [key]: [ ...items ]}` written as it goes: the head first, then each item, then the closing brackets. */
export async function writeJsonWithArray(
  stream: Writable,
  head: Record<string, unknown>,
  key: string,
  items: Iterable<unknown> | AsyncIterable<unknown>,
): Promise<number> {
  const prefix = JSON.stringify(head).slice(0, -1);
  stream.write(`${prefix}${prefix.length > 1 ? ',' : ''}${JSON.stringify(key)}:[`);
  let n = 0;
  for await (const item of items) {
    if (isClosed(stream)) return n;
    if (!stream.write(`${n === 0 ? '' : ','}${JSON.stringify(item)}`)) await drained(stream);
    n++;
  }
  stream.write(']}\n');
  return n;
}

/** Waits for a full stream (a slow pipe such as `| less`) before writing more: bounded memory for big exports. */
export const drained = (stream: Writable): Promise<void> =>
  new Promise((resolve) => {
    if (isClosed(stream)) resolve();
    else stream.once('drain', resolve);
  });

/** Writes lines from a generator with back-pressure; answers how many were written. */
export async function writeLines(stream: Writable, lines: Iterable<string>): Promise<number> {
  let n = 0;
  for (const line of lines) {
    if (isClosed(stream)) return n;
    if (!stream.write(line)) await drained(stream);
    n++;
  }
  return n;
}

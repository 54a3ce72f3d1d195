import type { OpError } from '../../../../shared/contract/result.js';

/**
 * Per-row messages from a failed saveMappings. `details` names the rows (`mappings.<index>`); the message holds one
 * sentence group per problem, each starting "Row <n> (<pair>): ". A row named in `details` whose text cannot be
 * found still gets a general message, so no invalid row goes unmarked.
 */
export function mappingRowErrors(error: OpError): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  const add = (index: number, message: string) => rows.set(index, [...(rows.get(index) ?? []), message]);
  for (const part of error.message.split(/ (?=Row \d+ \()/)) {
    const match = /^Row (\d+) \([^)]*\): (.+)$/s.exec(part.trim());
    if (match) add(Number(match[1]) - 1, (match[2] as string).trim());
  }
  for (const path of error.details ?? []) {
    const match = /^mappings\.(\d+)/.exec(path);
    if (match && !rows.has(Number(match[1]))) add(Number(match[1]), 'This row is not valid.');
  }
  return rows;
}

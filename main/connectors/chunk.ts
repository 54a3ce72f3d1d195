/** Splits writes into the batch sizes each API takes (R8.3: HubSpot 100, Salesforce collections 200). */
export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

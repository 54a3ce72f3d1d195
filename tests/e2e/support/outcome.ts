/** Reading a run's numbers the way a person reads them: the outcome table and the values-not-written list. */
import type { Locator, Page } from 'playwright-core';

/** Row label → [To HubSpot, To Salesforce], as the table shows them (thousands separators removed). */
export type OutcomeNumbers = Record<string, [number, number]>;

export async function readOutcomeTable(scope: Page | Locator, caption: string | RegExp): Promise<OutcomeNumbers> {
  const table = scope.getByRole('table', { name: caption });
  await table.waitFor();
  const numbers: OutcomeNumbers = {};
  for (const row of await table.locator('tbody tr').all()) {
    const label =
      ((await row.locator('.outcome-label').count()) > 0
        ? await row.locator('.outcome-label').textContent()
        : await row.locator('th').textContent()
      )?.trim() ?? '';
    const cells = (await row.locator('td').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    numbers[label] = [cells[0] ?? Number.NaN, cells[1] ?? Number.NaN];
  }
  return numbers;
}

/** The first value not written, as the list shows it: field, value and why. */
export async function firstRejectedValue(
  scope: Page | Locator,
): Promise<{ field: string; value: string; why: string }> {
  const row = scope.getByRole('region', { name: 'Field values not written' }).locator('tbody tr').first();
  await row.waitFor();
  const [field, value, why] = await row.locator('td').allTextContents();
  return { field: field?.trim() ?? '', value: value?.trim() ?? '', why: why?.trim() ?? '' };
}

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { fail, ok } from '../../../shared/contract/result.js';
import type { MappingsView } from '../../../shared/contract/runs.js';
import { defaultSettings } from '../../../shared/contract/settings.js';
import { ApiProvider } from '../../../renderer/src/client/context.js';
import { SyncSettingsPage } from '../../../renderer/src/pages/SyncSettingsPage.js';
import { fakeApi } from './fake-api.js';

afterEach(cleanup);

const mappingsView: MappingsView = {
  mappings: [{ sfField: 'Name', hsProperty: 'name', rule: 'TWO_WAY' }],
  editable: false,
  sfFields: [
    { name: 'Name', type: 'string', calculated: false },
    { name: 'CreatedDate', type: 'datetime', calculated: false },
  ],
  hsProperties: [
    { name: 'name', type: 'string', fieldType: 'text' },
    { name: 'city', type: 'string', fieldType: 'text' },
  ],
};

/** getMappings answers with `mappingsView`; every other operation goes to `respond`. */
const renderPage = (respond: Parameters<typeof fakeApi>[0]) => {
  const fake = fakeApi((name, args) => (name === 'getMappings' ? ok(mappingsView) : respond(name, args)));
  render(
    <ApiProvider api={fake.api}>
      <SyncSettingsPage />
    </ApiProvider>,
  );
  return fake;
};

test("R1.1 the company-sync switch shows main's state and follows the settings event", async () => {
  const fake = renderPage((name) =>
    name === 'getSettings' ? ok(defaultSettings) : ok({ ...defaultSettings, syncCompanies: true }),
  );
  const toggle = await screen.findByRole('switch', { name: 'Sync companies' });
  expect(toggle.getAttribute('aria-checked')).toBe('false');
  fireEvent.click(toggle);
  await waitFor(() =>
    expect(fake.calls.at(-1)).toEqual({ name: 'updateSettings', args: { changes: { syncCompanies: true } } }),
  );
  fake.emit('settings', { ...defaultSettings, syncCompanies: true });
  await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
});

test('a VALIDATION Result is shown on the form and next to the field it names', async () => {
  renderPage((name) =>
    name === 'getSettings'
      ? ok(defaultSettings)
      : fail(
          'VALIDATION',
          'Invalid argument for updateSettings: changes.pollIntervalMinutes: Too small: expected number to be >=1',
        ),
  );
  const poll = await screen.findByLabelText('Poll interval');
  fireEvent.change(poll, { target: { value: '0' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
  expect((await screen.findByRole('alert')).textContent).toContain('Nothing was saved.');
  await waitFor(() => expect(poll.getAttribute('aria-invalid')).toBe('true'));
  expect(screen.getByText('Too small: expected number to be >=1')).toBeTruthy();
});

test('R1.4 mappings are read-only while company sync is off, with the reason', async () => {
  renderPage(() => ok(defaultSettings));
  await screen.findByText('Two-way');
  expect(screen.getByText(/Read-only because company sync is off/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Add mapping' })).toBeNull();
  expect(screen.queryByRole('combobox', { name: /Sync rule/ })).toBeNull();
});

test('R7.2 while sync is on a row can be added; the row main refuses shows its message', async () => {
  const fake = renderPage((name) =>
    name === 'saveMappings'
      ? fail(
          'VALIDATION',
          'Row 2 (CreatedDate ↔ city): Mismatched types: CreatedDate ↔ city pairs a Salesforce datetime field with a HubSpot string (text) property.',
          ['mappings.1'],
        )
      : ok({ ...defaultSettings, syncCompanies: true }),
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Add mapping' }));
  fireEvent.change(screen.getByRole('combobox', { name: 'Salesforce field, row 2' }), {
    target: { value: 'CreatedDate' },
  });
  fireEvent.change(screen.getByRole('combobox', { name: 'Sync rule, row 2' }), { target: { value: 'ALWAYS_SF' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save mappings' }));
  await screen.findByText(/^Mismatched types: CreatedDate/);
  expect(fake.calls.find((c) => c.name === 'saveMappings')?.args).toEqual({
    mappings: [
      { sfField: 'Name', hsProperty: 'name', rule: 'TWO_WAY' },
      { sfField: 'CreatedDate', hsProperty: 'city', rule: 'ALWAYS_SF' },
    ],
  });
  expect(screen.getByRole('combobox', { name: 'Salesforce field, row 2' }).getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByRole('combobox', { name: 'Salesforce field, row 1' }).getAttribute('aria-invalid')).toBeNull();
});

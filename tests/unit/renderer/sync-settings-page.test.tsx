// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { fail, ok } from '../../../shared/contract/result.js';
import { defaultSettings } from '../../../shared/contract/settings.js';
import { ApiProvider } from '../../../renderer/src/client/context.js';
import { SyncSettingsPage } from '../../../renderer/src/pages/SyncSettingsPage.js';
import { fakeApi } from './fake-api.js';

afterEach(cleanup);

const renderPage = (respond: Parameters<typeof fakeApi>[0]) => {
  const fake = fakeApi(respond);
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

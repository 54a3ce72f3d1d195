import { afterEach, expect, test } from 'vitest';
import { createServices, type Services } from '../../../main/app/services.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { tempDirFactory } from '../../support/temp.js';

const tempDir = tempDirFactory();
let services: Services | undefined;
afterEach(() => services?.close());
const open = () => {
  services = createServices({ dataDir: tempDir(), runtime: 'cli', version: '0.0.0-test' });
  return services;
};
const silent = () => {};

test('a valid call answers ok with the handler value', async () => {
  const { handlers } = open();
  const result = await dispatch(handlers, 'getSettings', {}, silent);
  expect(result).toMatchObject({ ok: true, value: { syncCompanies: false } });
});

test('an unknown operation answers NOT_FOUND and never throws', async () => {
  const result = await dispatch(open().handlers, 'dropAllTables', {}, silent);
  expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Unknown operation "dropAllTables".' } });
});

test('a malformed argument answers VALIDATION naming the field', async () => {
  const result = await dispatch(
    open().handlers,
    'updateSettings',
    { changes: { pollIntervalMinutes: 'soon' } },
    silent,
  );
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('VALIDATION');
  expect(result.error.message).toContain('changes.pollIntervalMinutes');
});

test('unknown keys are rejected, not silently dropped', async () => {
  const result = await dispatch(open().handlers, 'updateSettings', { changes: { syncEverything: true } }, silent);
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

test('a handler that throws a bug answers INTERNAL and reports it', async () => {
  const reported: string[] = [];
  const { handlers } = open();
  const broken = {
    ...handlers,
    getAppInfo: () => {
      throw new TypeError('boom');
    },
  };
  const result = await dispatch(broken, 'getAppInfo', {}, (message) => reported.push(message));
  expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'getAppInfo failed: boom' } });
  expect(reported).toHaveLength(1);
});

test('R1.1 updateSettings persists the company-sync switch and emits a settings event', async () => {
  const svc = open();
  const seen: boolean[] = [];
  svc.events.on('settings', (s) => seen.push(s.syncCompanies));
  const result = await dispatch(svc.handlers, 'updateSettings', { changes: { syncCompanies: true } }, silent);
  expect(result).toMatchObject({ ok: true, value: { syncCompanies: true } });
  expect(seen).toEqual([true]);
  expect(svc.settings.get().syncCompanies).toBe(true);
});

/** A settings file with garbage in it is moved aside (kept, not deleted) with a message; the defaults apply. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { cli } from '../cli/support.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();

test('garbage in settings.json: moved aside with its content kept, a message, defaults, and settings work again', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'settings.json'), '{"syncCompanies": tru\u0000e garbage');
  // The notice goes to the process's stderr (console.warn), as it does from the desktop app's main process.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const shown = await cli(['settings', '--json', '--data-dir', dir]);
  const warned = warn.mock.calls.map((call) => String(call[0]));
  warn.mockRestore();
  expect(shown.code, shown.err).toBe(0);
  expect(warned.join('\n')).toContain('could not be read (not JSON)');
  expect(shown.json().syncCompanies).toBe(false);
  const aside = readdirSync(dir).filter((name) => name.startsWith('settings.json.unreadable-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(dir, aside[0] as string), 'utf8')).toContain('garbage');
  expect((await cli(['settings', 'set', 'pollIntervalMinutes', '7', '--data-dir', dir])).code).toBe(0);
  expect(existsSync(join(dir, 'settings.json'))).toBe(true);
});

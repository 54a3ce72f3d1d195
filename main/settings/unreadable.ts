/**
 * A settings file that is not a JSON object (a half write, a bad hand edit, a disk error) would stop every command
 * before it starts. It is moved aside — kept next to the original for whoever wants to recover a value — and the
 * console starts from the defaults, saying so.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { settingsFileName } from './settings-service.js';

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

/** Answers the message to show when the file was moved aside; null when it was readable (or absent). */
export function setAsideUnreadableSettings(dataDir: string, now = new Date()): string | null {
  const file = join(dataDir, `${settingsFileName}.json`);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '' || isJsonObject(text)) return null;
  const aside = `${file}.unreadable-${now.toISOString().replace(/[-:.]/g, '')}`;
  renameSync(file, aside);
  return `The settings file ${file} could not be read (not JSON); it was moved to ${aside} and the defaults apply. Set them again with "sfhs settings set" or the Settings page.`;
}

/** Before a settings library opens the file: it would throw on it. The message goes to stderr / the app's log. */
export function prepareSettingsFile(dataDir: string): void {
  const setAside = setAsideUnreadableSettings(dataDir);
  if (setAside) console.warn(`! ${setAside}`);
}

import { describe, expect, test } from 'vitest';
import { nativeBindingEnv, resolveNativeBinding } from '../../../main/electron/native-binding.js';

const exists = (path: string) => path === '/repo/.electron-native/45.6.1/better_sqlite3.node';

describe('which better-sqlite3 binary the app loads', () => {
  test('packaged: the default loader (electron-builder rebuilt the copy inside the app for Electron)', () => {
    expect(resolveNativeBinding(true, { [nativeBindingEnv]: '/anything' }, exists)).toBeUndefined();
  });

  test('from source: the Electron-ABI copy npm start built, passed in SFHS_SQLITE_BINDING', () => {
    const path = '/repo/.electron-native/45.6.1/better_sqlite3.node';
    expect(resolveNativeBinding(false, { [nativeBindingEnv]: path }, exists)).toBe(path);
  });

  test('from source without it: a message that says to use npm start, not a NODE_MODULE_VERSION crash later', () => {
    expect(() => resolveNativeBinding(false, {}, exists)).toThrow(/npm start/);
    expect(() => resolveNativeBinding(false, { [nativeBindingEnv]: '/gone.node' }, exists)).toThrow(
      /\/gone\.node, which does not exist.*npm start/,
    );
  });
});

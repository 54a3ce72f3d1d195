import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // The real electron package downloads its binary when first required; in tests it is always the stand-in.
  resolve: {
    alias: [
      { find: /^electron$/, replacement: fileURLToPath(new URL('tests/support/no-real-electron.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests never write into the keychain of the person running them; the keychain tests bring their own.
    env: { SFHS_KEYCHAIN: 'off' },
    // electron-store imports `electron`; inline it so tests can stand in for electron with vi.mock.
    server: { deps: { inline: ['electron-store'] } },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});

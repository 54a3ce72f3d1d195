import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // electron-store imports `electron`; inline it so tests can stand in for electron with vi.mock.
    server: { deps: { inline: ['electron-store'] } },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});

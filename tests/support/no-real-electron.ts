/**
 * What `electron` resolves to in the test suite (vitest.config.ts). Since Electron 42 the real package downloads
 * its 100+ MB binary, synchronously, the first time it is required; a test must never start that. A test of the
 * Electron shell replaces this module with `vi.mock('electron', …)` and tests/unit/electron/fake-electron.ts; one
 * that forgets fails here, at once, with what to do.
 */
throw new Error(
  "A test imported 'electron' without vi.mock('electron', …): use the stand-in in tests/unit/electron/fake-electron.ts.",
);

/** The Electron entry point (bundled to dist/main/electron.mjs by scripts/build.mjs). */
import { app, dialog } from 'electron';
import { productName } from '../app/data-dir.js';
import { startElectronApp } from './lifecycle.js';

void startElectronApp().catch((error: unknown) => {
  // Startup failures (unwritable data folder, missing SQLite build, newer schema) carry a message a person can act
  // on; a dialog shows it even when the app was started from a desktop icon with no terminal.
  console.error(error);
  dialog.showErrorBox(`${productName} could not start`, error instanceof Error ? error.message : String(error));
  app.exit(1);
});

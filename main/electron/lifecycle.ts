/**
 * The Electron app around the shared services: one instance, one hardened window, IPC in, events out, services
 * closed on quit. Everything the console does happens in `createServices`, which runs the same without Electron.
 */
import { type BrowserWindow, app, session, shell } from 'electron';
import { WorkspaceHost } from '../app/workspaces/host.js';
import { resolveStartWorkspace } from '../app/workspaces/resolve.js';
import { forwardEvents, registerIpcHandlers } from './ipc.js';
import { authorizePageOpener } from './open-authorize.js';
import { resolveNativeBinding } from './native-binding.js';
import { preloadPath, rendererUrl } from './paths.js';
import { applySessionPolicy, contentSecurityPolicyFor, hardenWebContents } from './security.js';
import { createElectronSettingsBackend } from './settings-backend.js';
import { electronVaultCipher } from './vault-cipher.js';
import { createMainWindow } from './window.js';

export async function startElectronApp(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Two instances would share one SQLite file and one run journal; the second one hands over to the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  const appPath = app.getAppPath();
  const appUrl = rendererUrl(appPath, app.isPackaged, env);
  const nativeBinding = resolveNativeBinding(app.isPackaged, env);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, appUrl, (url) => shell.openExternal(url)),
  );

  await app.whenReady();
  applySessionPolicy(session.defaultSession, contentSecurityPolicyFor(appUrl));
  // The app's folder holds the workspace list; the workspace used last opens (Default: the folder itself).
  const start = resolveStartWorkspace({ env, appFolder: app.getPath('userData'), nativeBinding });
  const services = new WorkspaceHost({
    start,
    base: {
      runtime: 'electron',
      version: app.getVersion(),
      nativeBinding,
      vaultCipher: electronVaultCipher(),
      openExternal: authorizePageOpener((url) => shell.openExternal(url)),
    },
    settingsBackendFor: createElectronSettingsBackend,
  });

  // A folder left in a demo gets fresh emulators (they lived in the last process).
  services.current.demo
    .resumeIfActive()
    .catch((error: unknown) => console.error('The demo could not be restarted', error));

  let window: BrowserWindow | null = null;
  const removeHandlers = registerIpcHandlers(services.handlers, () => window, appUrl);
  const openWindow = () => {
    const created = createMainWindow(preloadPath(appPath));
    const stopForwarding = forwardEvents(services.events, created);
    created.on('closed', () => {
      stopForwarding();
      window = null;
    });
    window = created;
    void created.loadURL(appUrl).catch((error: unknown) => console.error(`Could not load ${appUrl}`, error));
  };
  openWindow();

  app.on('second-instance', () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // macOS keeps apps alive without windows; clicking the dock icon brings the window back.
  app.on('activate', () => {
    if (!window) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    removeHandlers();
    services.close();
  });
}

import { BrowserWindow, type WebPreferences } from 'electron';
import { productName } from '../app/data-dir.js';

/**
 * The page gets no Node, runs in Chromium's sandbox, and sees main only through the preload's contextBridge API.
 * Exported so a test pins every flag: loosening one is a security decision, not a refactor.
 */
export function windowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: productName,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show so the first thing a person sees is the page, not a white flash.
    show: false,
    webPreferences: windowWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

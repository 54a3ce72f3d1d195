/** The preload entry (bundled to dist/preload/index.cjs: sandboxed preloads must be CommonJS). */
import { contextBridge, ipcRenderer } from 'electron';
import { exposedApiKey } from '../shared/contract/api.js';
import { createConsoleApi } from './api.js';

contextBridge.exposeInMainWorld(exposedApiKey, createConsoleApi(ipcRenderer));

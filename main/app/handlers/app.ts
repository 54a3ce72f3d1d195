import { schemaVersion } from '../../db/database.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

export const appHandlers = ({ config, db, demo }: HandlerDeps): Pick<Handlers, 'getAppInfo'> => ({
  getAppInfo: () => ({
    version: config.version,
    runtime: config.runtime === 'electron' ? 'electron' : 'browser',
    dataDir: config.dataDir,
    schemaVersion: schemaVersion(db),
    demo: demo.active,
  }),
});

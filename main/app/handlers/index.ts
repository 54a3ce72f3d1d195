import type { Handlers } from '../../ipc/dispatch.js';
import type { Services } from '../services.js';
import { appHandlers } from './app.js';
import { connectionHandlers } from './connections.js';
import { demoHandlers } from './demo.js';
import { holdHandlers } from './holds.js';
import { logHandlers } from './log.js';
import { mappingHandlers } from './mappings.js';
import { previewHandlers } from './preview.js';
import { reportHandlers } from './report.js';
import { runHandlers } from './runs.js';
import { settingsHandlers } from './settings.js';
import { workspaceHandlers } from './workspaces.js';

export type HandlerDeps = Omit<Services, 'handlers'>;

/** Every operation of the contract, from small per-area maps; `satisfies Handlers` fails the build if one is missing. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...settingsHandlers(deps),
    ...connectionHandlers(deps),
    ...runHandlers(deps),
    ...logHandlers(deps),
    ...demoHandlers(deps),
    ...mappingHandlers(deps),
    ...previewHandlers(deps),
    ...holdHandlers(deps),
    ...reportHandlers(deps),
    ...workspaceHandlers(deps),
  } satisfies Handlers;
}

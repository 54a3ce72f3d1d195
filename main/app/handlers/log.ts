import { countLog, queryLog } from '../../engine/log/log-store.js';
import { healthView } from '../../engine/health.js';
import { listRuns } from '../../engine/runs/runs-store.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

const connectedUsage = <T>(read: () => { usage(): T }): T | null => {
  try {
    return read().usage();
  } catch {
    return null; // not connected: no usage to show
  }
};

export const logHandlers = ({ db, engine, connections }: HandlerDeps): Pick<Handlers, 'queryLog' | 'getHealth'> => ({
  queryLog: (query) => ({ entries: queryLog(db, query), total: countLog(db, query) }),
  getHealth: () => {
    const last = listRuns(db, 1)[0];
    return healthView(
      db,
      {
        salesforce: connectedUsage(() => connections.salesforce()),
        hubspot: connectedUsage(() => connections.hubspot()),
      },
      last ? engine.summary(last.id) : null,
    );
  },
});

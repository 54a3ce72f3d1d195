import { LOG_CSV_HEADER, csvLine, logCsvLine } from '../../engine/log/csv.js';
import { countLog, iterateLog, queryLog } from '../../engine/log/log-store.js';
import { healthView } from '../../engine/health.js';
import { outcomeOf } from '../../engine/outcome/run-outcome.js';
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

const EXPORT_CAP = 100_000;

export const logHandlers = ({
  db,
  engine,
  connections,
}: HandlerDeps): Pick<Handlers, 'queryLog' | 'getHealth' | 'exportLog'> => ({
  queryLog: (query) => ({ entries: queryLog(db, query), total: countLog(db, query) }),
  exportLog: (query) => {
    const lines = [csvLine(LOG_CSV_HEADER)];
    let rows = 0;
    for (const row of iterateLog(db, query)) {
      if (rows === EXPORT_CAP) return { csv: lines.join(''), rows, truncated: true };
      lines.push(logCsvLine(row));
      rows++;
    }
    return { csv: lines.join(''), rows, truncated: false };
  },
  getHealth: () => {
    // The last real run: a dry run is a preview and says nothing about the health of the sync.
    const last = listRuns(db, 1)[0];
    return healthView(
      db,
      {
        salesforce: connectedUsage(() => connections.salesforce()),
        hubspot: connectedUsage(() => connections.hubspot()),
      },
      last ? { summary: engine.summary(last.id), outcome: outcomeOf(db, last) } : null,
    );
  },
});

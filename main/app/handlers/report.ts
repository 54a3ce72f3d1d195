import type { Handlers } from '../../ipc/dispatch.js';
import { collectReport } from '../../report/report-data.js';
import { renderReport } from '../../report/report-html.js';
import type { HandlerDeps } from './index.js';
import { logHandlers } from './log.js';

/** The engagement report, built from this data folder; health comes from the same handler Sync health uses. */
export const reportHandlers = (deps: HandlerDeps): Pick<Handlers, 'buildReport'> => ({
  buildReport: async () => {
    const health = await logHandlers(deps).getHealth({});
    const now = new Date();
    const html = renderReport(
      collectReport(deps.db, {
        dataDir: deps.config.dataDir,
        connections: await deps.connections.status(),
        health,
        now,
      }),
    );
    return { html, fileName: `sfhs-report-${now.toISOString().slice(0, 10)}.html` };
  },
});

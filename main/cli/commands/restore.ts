/**
 * `sfhs restore`: the data folder's database from its newest good backup (or `--from FILE`). Links, the run
 * journal and the log come back as they were at the backup; the cache catches up from both systems at the next
 * run. Takes the one-writer lock, so it never replaces the file under a running import or sync.
 */
import { join } from 'node:path';
import { databaseFileName } from '../../app/services.js';
import { WorkspaceLock } from '../../app/workspace-lock.js';
import { restoreDatabase } from '../../db/health/restore.js';
import { type CliCommand, exitCodes, print } from '../command.js';
import { printJson } from '../output/json.js';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'bring back links, run journal and log from the newest good backup (after sfhs doctor finds damage)',
  usage: ["[--from FILE]   a backup file (default: the newest good one in the data folder's backups/)"],
  options: { from: { type: 'string' } },
  async run(ctx, { values }) {
    const lock = new WorkspaceLock(ctx.dataDir, 'sfhs restore');
    lock.acquire();
    try {
      const file = join(ctx.dataDir, databaseFileName);
      const outcome = restoreDatabase(ctx.dataDir, file, values.from as string | undefined);
      if (ctx.json) {
        printJson(ctx.stdout, outcome);
        return exitCodes.ok;
      }
      for (const skip of outcome.skipped) print(ctx.stderr, `Skipped ${skip.file}: damaged too (${skip.problem}).`);
      const { links, runs, logEntries } = outcome.counts;
      print(ctx.stdout, `Restored ${file} from the backup taken ${outcome.from.takenAt} (${outcome.from.file}).`);
      print(ctx.stdout, `  ${links} links, ${runs} runs, ${logEntries} log entries.`);
      if (outcome.movedAside) print(ctx.stdout, `The replaced file is kept at ${outcome.movedAside}.`);
      print(
        ctx.stdout,
        'The cache catches up from Salesforce and HubSpot at the next run; a run that was under way resumes from ' +
          'its journal, and records it wrote after the backup are found by their link in HubSpot, not created twice.',
      );
      return exitCodes.ok;
    } finally {
      lock.release();
    }
  },
};

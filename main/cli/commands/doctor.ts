/**
 * `sfhs doctor`: the full check of the data folder's database (every table and index), which tables are damaged
 * and how each comes back, the backups there are, and who is writing to the folder right now. Changes nothing.
 */
import { join } from 'node:path';
import { databaseFileName } from '../../app/services.js';
import { readLockHolder, WorkspaceLock } from '../../app/workspace-lock.js';
import { RESTORE_COMMAND } from '../../db/health/damage.js';
import { diagnose } from '../../db/health/diagnose.js';
import { type CliCommand, exitCodes, print } from '../command.js';
import { printJson } from '../output/json.js';

/** The writer holding the folder, probed by trying the lock (released at once). */
function currentWriter(dataDir: string) {
  const free = new WorkspaceLock(dataDir, 'sfhs doctor').ifNoOtherWriter(() => undefined);
  return free ? null : readLockHolder(dataDir);
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'check the database in full, list backups and the process writing to the folder',
  usage: ['[--json]   exit 0 when whole, 9 when damaged (then: sfhs restore)'],
  options: {},
  async run(ctx) {
    const file = join(ctx.dataDir, databaseFileName);
    const found = diagnose(ctx.dataDir, file);
    const writer = currentWriter(ctx.dataDir);
    const code = found.ok ? exitCodes.ok : exitCodes.damaged;
    if (ctx.json) {
      printJson(ctx.stdout, { ...found, writer });
      return code;
    }
    if (!found.exists)
      print(ctx.stdout, `${file}: no database yet (it is created by the first command that needs it).`);
    else if (found.ok)
      print(ctx.stdout, `${file} (${mb(found.bytes)}): whole — every table and index checked in ${found.checkMs} ms.`);
    else {
      print(ctx.stdout, `${file} (${mb(found.bytes)}): DAMAGED`);
      for (const problem of found.problems.slice(0, 20)) print(ctx.stdout, `  ${problem}`);
      if (found.problems.length > 20) print(ctx.stdout, `  … and ${found.problems.length - 20} more`);
      if (found.keptDamaged.length)
        print(ctx.stdout, `Only in this file, restored from a backup: ${found.keptDamaged.join(', ')}.`);
      if (found.cacheDamaged.length)
        print(ctx.stdout, `Cache, rebuilt from Salesforce and HubSpot: ${found.cacheDamaged.join(', ')}.`);
      print(ctx.stdout, `Recover: ${RESTORE_COMMAND}${ctx.dataDir ? ` --data-dir ${ctx.dataDir}` : ''}`);
    }
    print(
      ctx.stdout,
      found.backups.length
        ? 'Backups (newest first):'
        : 'Backups: none yet (taken when a run is planned and when it ends).',
    );
    for (const backup of found.backups) print(ctx.stdout, `  ${backup.takenAt}  ${mb(backup.bytes)}  ${backup.file}`);
    print(
      ctx.stdout,
      writer
        ? `Writing now: process ${writer.pid} ("${writer.command}") since ${writer.since}.`
        : 'Writing now: no process.',
    );
    return code;
  },
};

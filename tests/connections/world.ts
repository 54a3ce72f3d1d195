/** A data folder's connection service over real emulators, with the `connections` events it emitted. */
import { join } from 'node:path';
import { EventBus } from '../../main/app/events.js';
import { ConnectionService } from '../../main/connections/connection-service.js';
import { FileVault } from '../../main/connections/vault.js';
import { closeDatabase, openDatabase } from '../../main/db/database.js';
import type { ConnectionsStatus } from '../../shared/contract/index.js';

export function serviceIn(dir: string, options: { inclusionListId?: string | null } = {}) {
  const db = openDatabase({ file: join(dir, 'sfhs.sqlite') });
  const events = new EventBus();
  const seen: ConnectionsStatus[] = [];
  events.on('connections', (status) => seen.push(status));
  const vault = new FileVault(dir);
  const service = new ConnectionService({
    db,
    vault,
    events,
    inclusionListId: () => options.inclusionListId ?? null,
  });
  return {
    db,
    vault,
    service,
    seen,
    close: () => {
      service.close();
      closeDatabase(db);
    },
  };
}

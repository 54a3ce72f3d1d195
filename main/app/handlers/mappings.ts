import { mappingsView, replaceMappings } from '../../engine/state/mappings-service.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';
import { startPlannedRun } from './planned-run.js';

export const mappingHandlers = ({
  db,
  settings,
  engine,
}: HandlerDeps): Pick<Handlers, 'getMappings' | 'saveMappings' | 'applyMapping'> => ({
  getMappings: () => mappingsView(db, settings.get()),
  saveMappings: ({ mappings }) => replaceMappings(db, settings.get(), mappings),
  // R7.6 apply to existing records: the dry run is the diff shown before the person confirms.
  applyMapping: ({ field, direction, dryRun }) =>
    startPlannedRun(engine, 'apply-mapping', { field, direction }, dryRun),
});

import { mappingsView, replaceMappings } from '../../engine/state/mappings-service.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

export const mappingHandlers = ({ db, settings }: HandlerDeps): Pick<Handlers, 'getMappings' | 'saveMappings'> => ({
  getMappings: () => mappingsView(db, settings.get()),
  saveMappings: ({ mappings }) => replaceMappings(db, settings.get(), mappings),
});

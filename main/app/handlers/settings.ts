import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

export const settingsHandlers = ({ settings }: HandlerDeps): Pick<Handlers, 'getSettings' | 'updateSettings'> => ({
  getSettings: () => settings.get(),
  updateSettings: ({ changes }) => settings.update(changes),
});

import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

export const demoHandlers = ({ demo }: HandlerDeps): Pick<Handlers, 'startDemo' | 'leaveDemo'> => ({
  startDemo: () => demo.start(),
  leaveDemo: () => demo.leave(),
});

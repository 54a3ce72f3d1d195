import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

export const demoHandlers = ({ demo }: HandlerDeps): Pick<Handlers, 'startDemo' | 'leaveDemo'> => ({
  startDemo: ({ callsPerSecond }) => demo.start(callsPerSecond ? { callsPerSecond } : {}),
  leaveDemo: () => demo.leave(),
});

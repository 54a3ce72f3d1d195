/** What every route of one emulator instance shares. */
import type { FaultInjector } from '../faults/faults.js';
import type { SandboxRequest } from '../http/router.js';
import type { Session, SessionRegistry } from './auth.js';
import type { ApiUsage } from './limits.js';
import type { SalesforceStore } from './store.js';
import type { ValidationContext } from './validation.js';

export interface EmulatorContext {
  url: string;
  orgId: string;
  integrationUserId: string;
  clientId: string;
  clientSecret: string;
  store: SalesforceStore;
  sessions: SessionRegistry;
  usage: ApiUsage;
  faults: FaultInjector;
  validation: ValidationContext;
  now: () => Date;
}

/** Set by the auth hook on every authenticated route. */
export const sessionOf = (req: SandboxRequest): Session => req.locals.session as Session;

export const identityUrl = (ctx: EmulatorContext, userId: string): string => `${ctx.url}/id/${ctx.orgId}/${userId}`;

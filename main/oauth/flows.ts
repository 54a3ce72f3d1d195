/**
 * Sign-ins in progress, by flow id. Each owns a loopback listener and a fresh `state`; at most one per provider (a new
 * sign-in replaces the old one, whose listener closes). The outcome stays readable for a minute after it settles,
 * so `awaitOAuth` may be called late.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../app/errors.js';
import { newSecret } from '../web/secret.js';
import { type LoopbackListener, startLoopbackListener } from './loopback.js';

export interface FlowPlan<R> {
  authorizeUrl: string;
  complete(code: string): Promise<R>;
}

export interface FlowRequest<R> {
  /** One flow per key (the system). */
  key: string;
  provider: string;
  timeoutMs: number;
  port?: number;
  prepare(redirectUri: string, state: string): Promise<FlowPlan<R>>;
}

export interface StartedFlow {
  flowId: string;
  authorizeUrl: string;
  redirectUri: string;
  expiresAt: string;
}

interface Flow<R> {
  key: string;
  listener: LoopbackListener;
  result: Promise<R>;
}

const KEEP_SETTLED_MS = 60_000;

export class OAuthFlows<R> {
  private readonly flows = new Map<string, Flow<R>>();

  async start(request: FlowRequest<R>): Promise<StartedFlow> {
    for (const [id, flow] of this.flows) {
      if (flow.key === request.key) this.cancel(id, 'A newer sign-in replaced this one; nothing was saved.');
    }
    let plan: FlowPlan<R> | null = null;
    let outcome: R | undefined;
    const state = newSecret();
    const listener = await startLoopbackListener({
      state,
      timeoutMs: request.timeoutMs,
      port: request.port,
      provider: request.provider,
      onCode: async (code) => {
        if (!plan) throw new AppError('INTERNAL', 'The sign-in was not ready for its answer.');
        outcome = await plan.complete(code);
      },
    });
    try {
      plan = await request.prepare(listener.redirectUri, state);
    } catch (error) {
      listener.cancel(error instanceof AppError ? error : new AppError('INTERNAL', (error as Error).message));
      await listener.done.catch(() => undefined);
      throw error;
    }
    const flowId = randomUUID();
    const result = listener.done.then(() => outcome as R);
    // Observed by `wait`; until someone waits, a failure must not count as an unhandled rejection.
    result.then(
      () => this.forgetLater(flowId),
      () => this.forgetLater(flowId),
    );
    this.flows.set(flowId, { key: request.key, listener, result });
    return {
      flowId,
      authorizeUrl: plan.authorizeUrl,
      redirectUri: listener.redirectUri,
      expiresAt: new Date(Date.now() + request.timeoutMs).toISOString(),
    };
  }

  wait(flowId: string): Promise<R> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new AppError('NOT_FOUND', `No sign-in ${flowId} is in progress (it may have ended a while ago).`);
    return flow.result;
  }

  cancel(flowId: string, message = 'The sign-in was cancelled; nothing was saved.'): void {
    this.flows.get(flowId)?.listener.cancel(new AppError('NOT_CONNECTED', message));
  }

  cancelAll(): void {
    for (const id of this.flows.keys()) this.cancel(id, 'The console is closing; the sign-in was stopped.');
  }

  private forgetLater(flowId: string): void {
    setTimeout(() => this.flows.delete(flowId), KEEP_SETTLED_MS).unref();
  }
}

import { useState } from 'react';
import type { OpArgs } from '../../../../shared/contract/operations.js';
import type { OpError, Result } from '../../../../shared/contract/result.js';
import type { ConnectOutcome, OAuthFlowStart } from '../../../../shared/contract/types.js';
import { useApi } from '../../client/context.js';

export type SignIn =
  | { step: 'idle' }
  | { step: 'waiting'; flow: OAuthFlowStart }
  | { step: 'done'; outcome: ConnectOutcome }
  | { step: 'failed'; error: OpError };

/**
 * One sign-in from this page: main starts it (loopback listener, PKCE) and, in the desktop app, opens the provider's
 * page in the system browser. In a plain browser (`sfhs ui`) this page opens it in a new tab. Then it waits for main
 * to report the callback's outcome.
 */
export function useSignIn() {
  const api = useApi();
  const [state, setState] = useState<SignIn>({ step: 'idle' });

  const settle = (result: Result<ConnectOutcome>) =>
    setState(result.ok ? { step: 'done', outcome: result.value } : { step: 'failed', error: result.error });

  const start = async (args: OpArgs<'startOAuth'>) => {
    const started = await api.startOAuth(args);
    if (!started.ok) return setState({ step: 'failed', error: started.error });
    const flow = started.value;
    if (!flow.openedExternally) window.open(flow.authorizeUrl, '_blank', 'noopener,noreferrer');
    setState({ step: 'waiting', flow });
    settle(await api.awaitOAuth({ flowId: flow.flowId }));
  };

  const connectWith = async (call: () => Promise<Result<ConnectOutcome>>) => settle(await call());

  const cancel = async () => {
    if (state.step === 'waiting') await api.cancelOAuth({ flowId: state.flow.flowId });
  };

  return { state, start, connectWith, cancel, reset: () => setState({ step: 'idle' }) };
}

import { type FormEvent, useState } from 'react';
import type { ConnectionStatus } from '../../../../shared/contract/types.js';
import { useApi } from '../../client/context.js';
import { useSignIn } from './use-sign-in.js';
import { CallbackPortField, callbackPortArg } from './CallbackPortField.js';
import { SignInProgress } from './SignInProgress.js';

type Mode = 'oauth' | 'privateApp';

/**
 * Connect or reconnect HubSpot: OAuth with the consultant's own HubSpot app, or a private-app token pasted in. The
 * token field is write-only: main verifies and stores it and never sends it back.
 */
export function HubSpotForm({ status }: { status: ConnectionStatus }) {
  const api = useApi();
  const signIn = useSignIn();
  const [mode, setMode] = useState<Mode>(status.kind === 'privateApp' ? 'privateApp' : 'oauth');
  const [apiBaseUrl, setApiBaseUrl] = useState(status.instanceUrl ?? 'https://api.hubapi.com');
  const [clientId, setClientId] = useState(status.oauthApp?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [port, setPort] = useState('');
  const [token, setToken] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const base = apiBaseUrl.trim();
    if (mode === 'privateApp') {
      void signIn.connectWith(() => api.connectPrivateApp({ apiBaseUrl: base, token: token.trim() }));
      setToken('');
      return;
    }
    void signIn.start({
      system: 'hubspot',
      apiBaseUrl: base,
      clientId: clientId.trim(),
      clientSecret: clientSecret.trim(),
      ...callbackPortArg(port),
    });
  };

  return (
    <form className="fields" aria-label="Connect HubSpot" onSubmit={submit}>
      <fieldset>
        <legend className="field-label">Connect with</legend>
        <label className="field-row">
          <input type="radio" name="hs-mode" checked={mode === 'oauth'} onChange={() => setMode('oauth')} /> HubSpot app
          (OAuth)
        </label>
        <label className="field-row">
          <input type="radio" name="hs-mode" checked={mode === 'privateApp'} onChange={() => setMode('privateApp')} />{' '}
          Private-app access token
        </label>
      </fieldset>
      <label className="field-label">
        HubSpot API URL
        <input className="input-wide" value={apiBaseUrl} onChange={(e) => setApiBaseUrl(e.target.value)} required />
      </label>
      {mode === 'oauth' ? (
        <>
          <label className="field-label">
            Client id
            <input className="input-wide" value={clientId} onChange={(e) => setClientId(e.target.value)} required />
          </label>
          <label className="field-label">
            Client secret
            <input
              type="password"
              autoComplete="off"
              value={clientSecret}
              onChange={(e) => setClientSecret(e.target.value)}
              required
            />
          </label>
          <CallbackPortField value={port} onChange={setPort} />
        </>
      ) : (
        <label className="field-label">
          Access token (pat-…)
          <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required />
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={signIn.state.step === 'waiting'}>
          {mode === 'oauth' ? 'Sign in to HubSpot' : 'Connect with the token'}
        </button>
      </div>
      <SignInProgress state={signIn.state} onCancel={() => void signIn.cancel()} />
    </form>
  );
}

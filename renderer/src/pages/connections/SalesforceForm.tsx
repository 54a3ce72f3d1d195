import { type FormEvent, useState } from 'react';
import type { ConnectionStatus } from '../../../../shared/contract/types.js';
import { useSignIn } from './use-sign-in.js';
import { CallbackPortField, callbackPortArg } from './CallbackPortField.js';
import { SignInProgress } from './SignInProgress.js';

const CHOICES = [
  { value: 'production', label: 'Production (login.salesforce.com)' },
  { value: 'sandbox', label: 'Sandbox (test.salesforce.com)' },
  { value: 'mydomain', label: 'My Domain' },
  { value: 'custom', label: 'Custom URL' },
] as const;
type Choice = (typeof CHOICES)[number]['value'];

const LOGIN_URL: Partial<Record<Choice, string>> = {
  production: 'https://login.salesforce.com',
  sandbox: 'https://test.salesforce.com',
};

function loginUrlFor(choice: Choice, value: string): string {
  if (choice === 'mydomain') return value.includes('.') ? `https://${value}` : `https://${value}.my.salesforce.com`;
  return LOGIN_URL[choice] ?? value;
}

/** Connect or reconnect Salesforce: where people log in, and the connected app's consumer key (and secret). */
export function SalesforceForm({ status }: { status: ConnectionStatus }) {
  const signIn = useSignIn();
  const [choice, setChoice] = useState<Choice>(status.oauthApp ? 'custom' : 'production');
  const [url, setUrl] = useState(status.oauthApp?.loginUrl ?? '');
  const [clientId, setClientId] = useState(status.oauthApp?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [port, setPort] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn.start({
      system: 'salesforce',
      loginUrl: loginUrlFor(choice, url.trim()),
      clientId: clientId.trim(),
      ...(clientSecret.trim() ? { clientSecret: clientSecret.trim() } : {}),
      ...callbackPortArg(port),
    });
  };

  return (
    <form className="fields" aria-label="Connect Salesforce" onSubmit={submit}>
      <fieldset>
        <legend className="field-label">Log in at</legend>
        {CHOICES.map((option) => (
          <label key={option.value} className="field-row">
            <input
              type="radio"
              name="sf-login"
              value={option.value}
              checked={choice === option.value}
              onChange={() => setChoice(option.value)}
            />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
      {(choice === 'mydomain' || choice === 'custom') && (
        <label className="field-label">
          {choice === 'mydomain' ? 'My Domain (e.g. acme or acme.my.salesforce.com)' : 'Login URL'}
          <input className="input-wide" value={url} onChange={(e) => setUrl(e.target.value)} required />
        </label>
      )}
      <label className="field-label">
        Consumer key (client id)
        <input className="input-wide" value={clientId} onChange={(e) => setClientId(e.target.value)} required />
      </label>
      <label className="field-label">
        Consumer secret (only if the connected app requires it)
        <input
          type="password"
          autoComplete="off"
          value={clientSecret}
          onChange={(e) => setClientSecret(e.target.value)}
        />
      </label>
      <CallbackPortField value={port} onChange={setPort} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={signIn.state.step === 'waiting'}>
          Sign in to Salesforce
        </button>
      </div>
      <SignInProgress state={signIn.state} onCancel={() => void signIn.cancel()} />
    </form>
  );
}

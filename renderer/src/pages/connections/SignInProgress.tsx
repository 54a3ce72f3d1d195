import { ErrorNotice } from '../../components/ErrorNotice.js';
import type { SignIn } from './use-sign-in.js';

/** Where a sign-in stands: waiting for the browser (with the page's link, in case no tab opened), done, or failed. */
export function SignInProgress({ state, onCancel }: { state: SignIn; onCancel(): void }) {
  if (state.step === 'waiting') {
    return (
      <div className="notice notice-info" role="status">
        Finish signing in in the browser.{' '}
        <a href={state.flow.authorizeUrl} target="_blank" rel="noopener noreferrer">
          Open the sign-in page
        </a>{' '}
        if it did not open. Waiting until {new Date(state.flow.expiresAt).toLocaleTimeString()} for the answer at{' '}
        <code>{state.flow.redirectUri}</code>.{' '}
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (state.step === 'failed') return <ErrorNotice title="Not connected." error={state.error} />;
  if (state.step === 'done') {
    return (
      <>
        <div className="notice notice-info" role="status">
          Connected.
        </div>
        {state.outcome.vaultWarning && (
          <div className="notice notice-warn" role="alert">
            {state.outcome.vaultWarning}
          </div>
        )}
      </>
    );
  }
  return null;
}

import type { OpError } from '../../../shared/contract/result.js';

/** An operation's error as a person reads it: the message, plus the code for anyone reporting it. */
export function ErrorNotice({ error, title }: { error: OpError; title?: string }) {
  return (
    <div className="notice notice-error" role="alert">
      {title && <strong>{title} </strong>}
      {error.message} <span className="error-code">({error.code})</span>
    </div>
  );
}

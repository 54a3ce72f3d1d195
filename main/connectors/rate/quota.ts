/**
 * A quota that is used up — this console's Salesforce allocation, 90 % of the org's daily limit, HubSpot's
 * daily limit — is not a failure: the run waits until the window frees calls again. The error says when, and
 * the run's outcome keeps that time in words a person reads and a script can parse ("Waiting for quota until …").
 */
import { systemLabel, type SystemId } from '../remote-error.js';
import { RemoteError } from '../types.js';

export class QuotaError extends RemoteError {
  constructor(
    system: SystemId,
    readonly reason: string,
    /** When calls are expected to be admitted again (ISO time). */
    readonly resumeAt: string,
    status?: number,
    code: string | null = 'LOCAL_LIMIT',
  ) {
    super(system, 'API_LIMIT', `${systemLabel[system]}: ${reason} Calls resume at ${resumeAt}.`, true, status, code);
    this.name = 'QuotaError';
  }
}

const PREFIX = 'Waiting for quota until ';

/** The run outcome's text: the resume time first, then why, then that nothing is lost. */
export const quotaWaitText = (error: QuotaError): string =>
  `${PREFIX}${error.resumeAt} — ${systemLabel[error.system]}: ${error.reason} ` +
  'The queued work is kept; the run resumes by itself (sfhs sync) or with sfhs runs resume.';

/** The resume time from a run's outcome text, or null when the run is not waiting for quota. */
export function quotaResumeAt(text: string | null | undefined): string | null {
  if (!text?.startsWith(PREFIX)) return null;
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)/.exec(text.slice(PREFIX.length));
  return match?.[1] ?? null;
}

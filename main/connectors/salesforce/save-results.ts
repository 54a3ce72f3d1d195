/**
 * sObject Collections answers → RecordResult, one per input in input order (R7.7: one refused record never
 * blocks the rest). Per-record errors are sorted by the rules' `categorize` (e.g. a restricted picklist →
 * PROPERTY_VALUE, a validation rule → CUSTOM_CODE).
 */
import { categorize } from '../../engine/rules/errors.js';
import type { RecordResult } from '../types.js';

/** jsforce types per-record errors with `errorCode`; the REST API itself sends `statusCode`. Accept both. */
interface WireSaveError {
  errorCode?: string;
  statusCode?: string;
  message?: string;
  fields?: string[];
}

interface WireSaveResult {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors?: WireSaveError[];
}

export const SF_COLLECTION_SIZE = 200;

export function toRecordResult(result: WireSaveResult, inputId: string | null): RecordResult {
  if (result.success && result.id) {
    return result.created === undefined
      ? { ok: true, id: result.id }
      : { ok: true, id: result.id, created: result.created };
  }
  const first = result.errors?.[0] ?? { message: 'Salesforce refused the record without saying why' };
  const sorted = categorize(first);
  const code = first.statusCode ?? first.errorCode ?? sorted.code ?? 'UNKNOWN';
  const messages = (result.errors ?? [first]).map((e) => e.message ?? '').filter(Boolean);
  const fields = (result.errors ?? []).flatMap((e) => e.fields ?? []);
  return {
    ok: false,
    id: result.id ?? inputId,
    category: sorted.category,
    code,
    message: messages.join('; ') || sorted.message,
    ...(fields.length > 0 ? { fields } : {}),
  };
}

/** Pairs a collection answer with its inputs; a short or malformed answer is a whole-call failure. */
export function toRecordResults(answer: unknown, inputIds: (string | null)[]): RecordResult[] {
  if (!Array.isArray(answer) || answer.length !== inputIds.length) {
    throw new Error(
      `Salesforce answered ${Array.isArray(answer) ? answer.length : 'no'} results for ${inputIds.length} records`,
    );
  }
  return answer.map((result, index) => toRecordResult(result as WireSaveResult, inputIds[index] ?? null));
}

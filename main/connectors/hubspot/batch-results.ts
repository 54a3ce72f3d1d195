/**
 * A batch answer (200, or 207 multi-status) → one RecordResult per input, in input order. Each input carries its
 * index as `objectWriteTraceId`, which HubSpot echoes on results and in error contexts; inputs an answer does not
 * mention are matched by id (results) or `context.ids` (OBJECT_NOT_FOUND), and an input nothing matches is
 * reported as failed rather than silently assumed written.
 */
import { categorize } from '../../engine/rules/errors.js';
import type { RecordResult } from '../types.js';

export const HS_BATCH_SIZE = 100;

interface WireResult {
  id: string;
  objectWriteTraceId?: string;
  properties?: Record<string, string | null>;
  _new?: boolean;
  new?: boolean;
}

export interface WireError {
  category?: string;
  message?: string;
  context?: Record<string, string[] | undefined>;
  errors?: { code?: string; message?: string; in?: string; context?: Record<string, string[] | undefined> }[];
}

export interface BatchAnswer {
  results?: WireResult[];
  errors?: WireError[];
}

/** How each input is known apart from its trace id: its object id (update) or its unique-property value (upsert). */
export interface InputKey {
  key: string;
  /** The HubSpot object id, when the input names one (update); null for upserts of possibly new objects. */
  objectId: string | null;
  keyOf(result: WireResult): string | undefined;
}

export function failure(error: WireError, id: string | null): RecordResult {
  const sorted = categorize(error);
  const fields = (error.errors ?? []).flatMap((e) => (e.in ? [e.in] : (e.context?.propertyName ?? [])));
  return {
    ok: false,
    id,
    category: sorted.category,
    code: sorted.code ?? error.category ?? 'UNKNOWN',
    message: error.message ?? sorted.message,
    ...(fields.length > 0 ? { fields } : {}),
  };
}

export function toBatchResults(answer: BatchAnswer, inputs: InputKey[]): RecordResult[] {
  const out: (RecordResult | undefined)[] = inputs.map(() => undefined);
  const byKey = new Map(inputs.map((input, index) => [input.key, index]));
  const place = (index: number | undefined, result: RecordResult) => {
    if (index !== undefined && index >= 0 && index < out.length && out[index] === undefined) out[index] = result;
  };
  for (const result of answer.results ?? []) {
    const traced = result.objectWriteTraceId === undefined ? undefined : Number(result.objectWriteTraceId);
    const keyed = inputs[0] ? byKey.get(inputs[0].keyOf(result) ?? '') : undefined;
    const isNew = result._new ?? result.new;
    place(
      Number.isInteger(traced) ? traced : keyed,
      isNew === undefined ? { ok: true, id: result.id } : { ok: true, id: result.id, created: isNew },
    );
  }
  for (const error of answer.errors ?? []) {
    for (const trace of error.context?.objectWriteTraceId ?? [])
      place(Number(trace), failure(error, inputs[Number(trace)]?.objectId ?? null));
    for (const id of error.context?.ids ?? [])
      place(byKey.get(id), failure(error, inputs[byKey.get(id) ?? -1]?.objectId ?? null));
  }
  return out.map(
    (result, index) =>
      result ?? {
        ok: false,
        id: inputs[index]?.objectId ?? null,
        category: 'UNCATEGORIZED',
        code: 'NO_RESULT',
        message: 'HubSpot returned neither a result nor an error for this record; it is retried.',
      },
  );
}

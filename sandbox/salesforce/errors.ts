/**
 * Salesforce's two error shapes. REST calls answer `[{message, errorCode, fields?}]` (wire-formats A3); per-record
 * results in collections use `statusCode` instead of `errorCode` (A6). One `RecordError` type feeds both.
 */
import { json, type SandboxResponse } from '../http/router.js';

export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface SaveResult {
  id?: string;
  success: boolean;
  errors: RecordError[];
  created?: boolean;
}

export const recordError = (statusCode: string, message: string, fields: string[] = []): RecordError => ({
  statusCode,
  message,
  fields,
});

/** A failure of the whole request (bad JSON, unknown field, over-size collection): answered as a REST error. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }
}

export function sfError(status: number, errorCode: string, message: string, fields?: string[]): SandboxResponse {
  return json(status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);
}

export function restErrors(status: number, errors: RecordError[]): SandboxResponse {
  return json(
    status,
    errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })),
  );
}

export const notFound = (): SandboxResponse => sfError(404, 'NOT_FOUND', 'The requested resource does not exist');

/** Route wrapper: a thrown RequestError becomes its REST error answer. */
export function answerErrors<A extends unknown[]>(
  handler: (...args: A) => SandboxResponse | Promise<SandboxResponse>,
): (...args: A) => Promise<SandboxResponse> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof RequestError) return sfError(error.status, error.errorCode, error.message, error.fields);
      throw error;
    }
  };
}

/** A handler that failed unexpectedly: the org's 500, naming an id to find the failure by, never its text. */
export const unexpectedError = (_error: unknown, errorId: string): SandboxResponse =>
  sfError(
    500,
    'UNKNOWN_EXCEPTION',
    `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}`,
  );

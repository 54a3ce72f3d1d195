/** Small pieces several routes need: the sObject from the URL, the JSON body, the caller as the DML actor. */
import type { SandboxRequest, SandboxResponse } from '../../http/router.js';
import { type EmulatorContext, sessionOf } from '../context.js';
import type { DmlContext } from '../dml.js';
import { notFound, RequestError } from '../errors.js';
import { type ObjectDef, objectDefFor } from '../schema.js';

export function objectOf(req: SandboxRequest): ObjectDef | SandboxResponse {
  return objectDefFor(req.params.type ?? '') ?? notFound();
}

export const isResponse = (value: unknown): value is SandboxResponse =>
  typeof value === 'object' &&
  value !== null &&
  'status' in value &&
  typeof (value as SandboxResponse).status === 'number';

export function jsonObject(req: SandboxRequest): Record<string, unknown> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RequestError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** `attributes` (and a `type` alias jsforce may leave in) describe the record; they are not fields. */
export function fieldsOf(record: Record<string, unknown>, ...drop: string[]): Record<string, unknown> {
  const skip = new Set(['attributes', ...drop.map((d) => d.toLowerCase())]);
  return Object.fromEntries(Object.entries(record).filter(([k]) => !skip.has(k.toLowerCase())));
}

export function dmlContext(ctx: EmulatorContext, req: SandboxRequest): DmlContext {
  return { store: ctx.store, validation: ctx.validation, faults: ctx.faults, actorId: sessionOf(req).userId };
}

/** "62.0" from "v62.0". */
export const apiVersion = (req: SandboxRequest): number => Number((req.params.v ?? 'v0').slice(1));

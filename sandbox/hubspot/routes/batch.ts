/**
 * CRM v3 batch routes (wire-formats B3.3): read 200|207, create 201|207, update 200|207, upsert 200|207,
 * archive 204; at most 100 inputs. Each input is looked up through a Map (id or unique-property index): no scans.
 * A failing input becomes one `errors[]` entry and the others are still written (multi-status handling).
 */
import type { HsObject } from '../../model.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../http/router.js';
import { type ApiContext, writeSource } from '../api.js';
import { type StandardError, standardError, validationError } from '../errors.js';
import type { ObjectType } from '../properties.js';
import { stringArray, toWire, wireNames } from '../serialize.js';
import {
  createObject,
  idPropertyProblem,
  resolveObject,
  updateObject,
  type WriteFailure,
  type WriteOutcome,
} from '../writes.js';
import { asString, batchInputs, batchResponse, body, isResponse, objectTypeParam } from './common.js';
import { archiveObject } from './objects.js';

/** HubSpot caps history reads lower ("...for property histories is 50", activepieces/activepieces#9359). */
const HISTORY_BATCH_LIMIT = 50;
const UPPER: Record<ObjectType, string> = { companies: 'COMPANY', contacts: 'CONTACT' };

interface WriteInput {
  id?: unknown;
  idProperty?: unknown;
  properties?: unknown;
  objectWriteTraceId?: unknown;
}

const traceContext = (input: WriteInput): Record<string, string[]> => {
  const trace = asString(input.objectWriteTraceId);
  return trace === undefined ? {} : { objectWriteTraceId: [trace] };
};

const failureEntry = (f: WriteFailure, input: WriteInput): StandardError =>
  standardError(f.category, f.message, { ...f.context, ...traceContext(input) }, f.errors);

/** The 207 entry for ids that do not resolve; the wording is HubSpot's (B3.3, many 3P fixtures). */
const notFoundEntry = (type: ObjectType, ids: string[]): StandardError =>
  standardError(
    'OBJECT_NOT_FOUND',
    `Could not get some ${UPPER[type]} objects, they may be deleted or not exist. Check that ids are valid.`,
    { ids },
  );

/** `partial=` faults: the record fails as a transient server-side error would. */
const injectedFailure = (input: WriteInput): StandardError =>
  standardError(
    'INTERNAL_ERROR',
    'The record could not be written because of an internal error. Retry the record.',
    traceContext(input),
  );

type Handler = (req: SandboxRequest, type: ObjectType, inputs: WriteInput[]) => SandboxResponse;

export function batchRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;
  const on = (op: string, handler: Handler) =>
    router.on('POST', `/crm/v3/objects/:objectType/batch/${op}`, (req) => {
      const type = objectTypeParam(req);
      if (isResponse(type)) return type;
      const inputs = batchInputs(req);
      if (isResponse(inputs)) return inputs;
      return handler(req, type, inputs as WriteInput[]);
    });
  const write = (
    results: unknown[],
    errors: StandardError[],
    input: WriteInput,
    outcome: () => WriteOutcome,
    type: ObjectType,
    extra = {},
  ) => {
    if (ctx.faults.failRecord()) {
      errors.push(injectedFailure(input));
      return;
    }
    const o = outcome();
    if (!o.ok) errors.push(failureEntry(o.failure, input));
    else results.push({ ...toWire(store, type, o.object, { properties: 'all-set' }), ...extra, ...echoTrace(input) });
  };

  on('read', (req, type, inputs) => {
    const b = body(req);
    const idProperty = asString(b.idProperty);
    const problem = idPropertyProblem(store, type, idProperty);
    if (problem) return validationError(problem);
    const history = stringArray(b.propertiesWithHistory) ?? [];
    if (history.length > 0 && inputs.length > HISTORY_BATCH_LIMIT) {
      return validationError(
        `The maximum number of inputs supported in a batch request for property histories is ${HISTORY_BATCH_LIMIT}. Please reduce the number of items and try again`,
      );
    }
    const opts = { properties: stringArray(b.properties), propertiesWithHistory: history };
    const names = wireNames(store, type, opts.properties);
    const archived = req.query.get('archived') === 'true';
    const started = ctx.now();
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const raw = asString(input.id) ?? '';
      const o: HsObject | undefined =
        resolveObject(store, type, raw, idProperty) ?? (archived ? store.tables[type].getArchived(raw) : undefined);
      if (o) results.push(toWire(store, type, o, opts, names));
      else missing.push(raw);
    }
    return batchResponse(200, started, ctx.now(), results, missing.length > 0 ? [notFoundEntry(type, missing)] : []);
  });

  on('create', (_req, type, inputs) => {
    const started = ctx.now();
    const results: unknown[] = [];
    const errors: StandardError[] = [];
    for (const input of inputs) {
      write(
        results,
        errors,
        input,
        () => createObject(store, type, input.properties ?? {}, ctx.now(), writeSource(ctx)),
        type,
      );
    }
    return batchResponse(201, started, ctx.now(), results, errors);
  });

  on('update', (_req, type, inputs) => {
    const started = ctx.now();
    const results: unknown[] = [];
    const errors: StandardError[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const raw = asString(input.id) ?? '';
      const idProperty = asString(input.idProperty);
      const problem = idPropertyProblem(store, type, idProperty);
      if (problem) {
        errors.push(standardError('VALIDATION_ERROR', problem, traceContext(input)));
        continue;
      }
      const o = resolveObject(store, type, raw, idProperty);
      if (!o) {
        missing.push(raw);
        continue;
      }
      write(
        results,
        errors,
        input,
        () => updateObject(store, type, o, input.properties ?? {}, ctx.now(), writeSource(ctx)),
        type,
      );
    }
    if (missing.length > 0) errors.push(notFoundEntry(type, missing));
    return batchResponse(200, started, ctx.now(), results, errors);
  });

  on('upsert', (_req, type, inputs) => {
    const started = ctx.now();
    const results: unknown[] = [];
    const errors: StandardError[] = [];
    for (const input of inputs) {
      const raw = asString(input.id) ?? '';
      const idProperty = asString(input.idProperty);
      // Upsert needs a unique idProperty: hs_object_id cannot create a record with a chosen id.
      const problem =
        idProperty === undefined || idProperty === 'hs_object_id'
          ? 'idProperty must name a property with unique values for upsert.'
          : idPropertyProblem(store, type, idProperty);
      if (problem || idProperty === undefined) {
        errors.push(standardError('VALIDATION_ERROR', problem ?? 'idProperty is required', traceContext(input)));
        continue;
      }
      const existing = resolveObject(store, type, raw, idProperty);
      const props = { ...((input.properties as Record<string, unknown> | undefined) ?? {}) };
      if (existing) {
        write(
          results,
          errors,
          input,
          () => updateObject(store, type, existing, props, ctx.now(), writeSource(ctx)),
          type,
          { new: false },
        );
      } else {
        // A new record carries the idProperty value it was looked up by.
        props[idProperty] = raw;
        write(results, errors, input, () => createObject(store, type, props, ctx.now(), writeSource(ctx)), type, {
          new: true,
        });
      }
    }
    return batchResponse(200, started, ctx.now(), results, errors);
  });

  on('archive', (_req, type, inputs) => {
    for (const input of inputs) archiveObject(ctx, type, asString(input.id) ?? '');
    return { status: 204 };
  });
}

function echoTrace(input: WriteInput): Record<string, string> {
  const trace = asString(input.objectWriteTraceId);
  return trace === undefined ? {} : { objectWriteTraceId: trace };
}

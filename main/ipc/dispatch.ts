/**
 * The one place where an operation call from outside (IPC or HTTP) meets main: look the operation up, validate the
 * argument with the contract's zod schema, run the handler, and answer with a Result. It never throws.
 */
import type { z } from 'zod';
import {
  type OperationName,
  type OpParsedArgs,
  type OpResult,
  type Result,
  operations,
} from '../../shared/contract/index.js';
import { AppError } from '../app/errors.js';

export type Handlers = {
  [K in OperationName]: (args: OpParsedArgs<K>) => Promise<OpResult<K>> | OpResult<K>;
};

const isOperationName = (name: string): name is OperationName => Object.hasOwn(operations, name);

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(argument)'}: ${issue.message}`)
    .join('; ');
}

export type Reporter = (message: string, error: unknown) => void;

export async function dispatch(
  handlers: Handlers,
  name: string,
  rawArgs: unknown,
  reportBug: Reporter = (message, error) => console.error(message, error),
): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown operation "${name}".` } };
  }
  const parsed = operations[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Invalid argument for ${name}: ${describeZodError(parsed.error)}`,
        // The field paths, so a form can show each error next to its field.
        details: parsed.error.issues.map((issue) => issue.path.join('.')),
      },
    };
  }
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toOpError() };
    reportBug(`Operation ${name} failed unexpectedly`, error);
    return { ok: false, error: { code: 'INTERNAL', message: `${name} failed: ${(error as Error).message}` } };
  }
}

import { z } from 'zod';
import type { OperationName } from './channels.js';
import { settingsSchema, type Settings } from './settings.js';
import type { AppInfo, ConnectionsStatus } from './types.js';

/** An operation's argument schema plus its result type (carried as a phantom for the type checker only). */
export interface OperationSpec<A extends z.ZodType, R> {
  args: A;
  result?: R;
}
const op =
  <R>() =>
  <A extends z.ZodType>(args: A): OperationSpec<A, R> => ({ args });

const noArgs = z.object({}).strict();

export const operations = {
  getAppInfo: op<AppInfo>()(noArgs),
  getSettings: op<Settings>()(noArgs),
  updateSettings: op<Settings>()(z.object({ changes: settingsSchema.partial().strict() }).strict()),
  getConnections: op<ConnectionsStatus>()(noArgs),
} satisfies { [K in OperationName]: OperationSpec<z.ZodType, unknown> };

export type Operations = typeof operations;
export type OpArgs<K extends OperationName> = z.input<Operations[K]['args']>;
export type OpParsedArgs<K extends OperationName> = z.output<Operations[K]['args']>;
export type OpResult<K extends OperationName> = NonNullable<Operations[K]['result']>;

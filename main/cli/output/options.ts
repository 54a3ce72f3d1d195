/**
 * Reading parsed options with clear messages: a bad value is a VALIDATION error (exit 6) naming the option and
 * showing what would be accepted, never a silent default.
 */
import { resolveDataDir } from '../../app/data-dir.js';
import { AppError } from '../../app/errors.js';
import type { ParsedCommand } from '../command.js';

type Values = ParsedCommand['values'];

export function stringOption(values: Values, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw new AppError('VALIDATION', `--${name} needs a value.`);
  return raw;
}

/** Repeatable options (`--account A --account B`) and comma lists (`--account A,B`) alike. */
export function listOption(values: Values, name: string): string[] {
  const raw = values[name];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

export function countOption(values: Values, name: string, fallback: number, max = 1_000_000): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new AppError('VALIDATION', `--${name} must be a whole number from 1 to ${max}, got "${raw}".`);
  return n;
}

export function choiceOption<T extends string>(values: Values, name: string, choices: readonly T[]): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw))
    throw new AppError('VALIDATION', `--${name} must be one of ${choices.join(', ')}; got "${raw}".`);
  return raw as T;
}

/** An ISO date-time; a bare date (`2024-05-01`) means its midnight UTC, as the log stores UTC times. */
export function timeOption(values: Values, name: string): string | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw;
  const time = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(time.getTime()))
    throw new AppError(
      'VALIDATION',
      `--${name} must be a date or an ISO date-time (2024-05-01T09:00:00Z), got "${raw}".`,
    );
  return time.toISOString();
}

/** A shell-safe rendering of an argument, for commands we print for people to copy. */
export const shellArg = (arg: string): string =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * A command for people to copy (a fix, a resume): `sfhs ...args`, with `--data-dir` when this data folder is not
 * the one the same shell would pick by itself.
 */
export function suggest(ctx: { dataDir: string; env: NodeJS.ProcessEnv }, ...args: string[]): string {
  const dirArgs = ctx.dataDir === resolveDataDir(undefined, ctx.env) ? [] : ['--data-dir', ctx.dataDir];
  return ['sfhs', ...args, ...dirArgs].map(shellArg).join(' ');
}

import { z } from 'zod';

/**
 * The pieces every part's environment fields are made of (src/config.ts, account/, handoff/ and the
 * web channel each contribute fields to the one schema): an empty variable counts as unset.
 */

export type RawEnv = Record<string, string | undefined>;

export const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

export const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

/** "true" / "false", read as a boolean. */
export const flag = (fallback: 'true' | 'false') =>
  z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default(fallback)).transform((value) => value === 'true');

/** Is the variable set to something other than blanks? (For rules across variables, on the raw env.) */
export const present = (env: RawEnv, name: string) => (env[name] ?? '').trim() !== '';

/** A time zone this runtime knows by name (America/New_York, UTC...). */
export function isIanaZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

import type { z } from 'zod';
import { AppError } from './errors.js';

type Issue = { path: PropertyKey[]; message: string };

/** zod issues as one 400 AppError: the message names the first field and reason, details list all. */
export function validationError(issues: readonly Issue[]): AppError {
  const details = issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const first = details[0];
  const message = !first ? 'Invalid request' : first.field ? `${first.field}: ${first.message}` : first.message;
  return new AppError('validation', message, details);
}

/**
 * NUL and lone UTF-16 surrogates: PostgreSQL cannot store the first in text (a database error)
 * and the second would be silently replaced on the way to UTF-8. Both are refused as input.
 */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** True when the text holds a character that cannot be stored (NUL or a lone surrogate). */
export const hasUnstorableText = (s: string): boolean => UNSTORABLE.test(s);

/** The path ('a.b.0') of the first string or key in `value` holding an unstorable character, '' for the value itself; null if none. */
export function unstorableTextPath(value: unknown, path: readonly string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return hasUnstorableText(value) ? path.join('.') : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [k, v] of entries) {
    if (hasUnstorableText(k)) return [...path, k].join('.');
    const found = unstorableTextPath(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The 400 for input holding NUL or a lone surrogate, naming the field. */
export function unstorableTextError(field: string): AppError {
  const name = field || 'value';
  const message = `${name}: contains a character that cannot be stored`;
  return new AppError('validation', message, [{ field: name, message: 'contains a character that cannot be stored' }]);
}

/** Throws unstorableTextError when any string in `value` holds NUL or a lone surrogate. */
export function assertStorableText(value: unknown, prefix: readonly string[] = []): void {
  const found = unstorableTextPath(value, prefix);
  if (found !== null) throw unstorableTextError(found);
}

/** The one validator of services, routes and the CLI: parses with a zod schema or throws validationError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertStorableText(input);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error.issues);
}

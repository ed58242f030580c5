import type { z } from 'zod';
import { AppError } from '../../platform/errors.js';

/** Parses with a zod schema; the first issue becomes a 400 'field: reason' (all issues in details). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const first = details[0]!;
  throw new AppError('validation', first.field ? `${first.field}: ${first.message}` : first.message, details);
}

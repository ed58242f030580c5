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

/** The one validator of services, routes and the CLI: parses with a zod schema or throws validationError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error.issues);
}

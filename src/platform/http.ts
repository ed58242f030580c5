import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { AppError, asAppError, toHttpStatus } from './errors.js';
import { log } from './logger.js';
import { validationError } from './validate.js';

/** The JSON body of every error response. */
export function errorBody(err: AppError) {
  return { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}), ...(err.findings ? { findings: err.findings } : {}) } };
}

/** Maps anything thrown in a handler to a response; internals are logged, never returned. */
export function handleError(err: unknown, c: Context) {
  const appErr = asAppError(err);
  // Database messages can quote the values involved (personal data): log the kind and SQLSTATE only.
  if (appErr.code === 'internal') {
    const e = err as { name?: string; code?: string };
    log.error('request failed', { method: c.req.method, path: c.req.path, error: e?.name ?? 'Error', sqlstate: e?.code ?? null });
  }
  return c.json(errorBody(appErr), toHttpStatus(appErr.code) as ContentfulStatusCode);
}

/** zod-openapi validation hook: a 400 naming the field and the reason. */
export function validationHook(result: { success: boolean; error?: z.ZodError }, c: Context) {
  if (!result.success && result.error) {
    return c.json(errorBody(validationError(result.error.issues)), 400);
  }
  return undefined;
}

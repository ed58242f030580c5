import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { AppError, asAppError, toHttpStatus, type ErrorCode } from './errors.js';
import { log } from './logger.js';
import { assertStorableText, hasUnstorableText, unstorableTextError, validationError } from './validate.js';

/** The JSON body of every error response. */
export function errorBody(err: AppError) {
  return { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}), ...(err.findings ? { findings: err.findings } : {}) } };
}

export const NOT_JSON = 'body: not valid JSON (check the brackets, quotes and commas)';
export const NOT_JSON_TYPE = 'body: send the data as JSON (Content-Type: application/json)';

const httpExceptionCode: Partial<Record<number, ErrorCode>> = { 400: 'validation', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 415: 'validation', 429: 'throttled' };

/**
 * Hono's own 4xx (a body that is not JSON, a content type the route does not take) as an AppError,
 * so they answer 400 with a message like any other bad input instead of a 500.
 */
function fromHttpException(err: HTTPException): AppError | null {
  if (err.status === 415) return new AppError('validation', NOT_JSON_TYPE);
  if (err.status === 400 && /malformed json/i.test(err.message)) return new AppError('validation', NOT_JSON);
  const code = httpExceptionCode[err.status];
  return code ? new AppError(code, err.message || 'Invalid request') : null;
}

/** Maps anything thrown in a handler to a response; internals are logged, never returned. */
export function handleError(err: unknown, c: Context) {
  if (err instanceof HTTPException) {
    const mapped = fromHttpException(err);
    if (mapped) return c.json(errorBody(mapped), toHttpStatus(mapped.code) as ContentfulStatusCode);
  }
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

const decodeSegment = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/**
 * Refuses, in one place, text the database cannot store: NUL or a lone surrogate in the path, any
 * query value or any string of a JSON body answers 400 'field: contains a character that cannot
 * be stored' (services' parseOrThrow checks again, for the CLI). A JSON body that does not parse
 * answers 400 here too, before any route sees it.
 */
export function rejectUnstorableInput(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split('/')) {
      const decoded = decodeSegment(segment);
      if (decoded !== null && hasUnstorableText(decoded)) throw unstorableTextError('path');
    }
    for (const [key, value] of url.searchParams) {
      if (hasUnstorableText(key) || hasUnstorableText(value)) throw unstorableTextError(hasUnstorableText(key) ? 'query' : key);
    }
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
      const text = await c.req.text();
      if (text.trim() !== '') {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new AppError('validation', NOT_JSON);
        }
        assertStorableText(body);
      }
    }
    await next();
  };
}

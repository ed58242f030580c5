// Typed fetch for the Prevention Hub API. Errors come back as `{ error: { code, message, details? } }`.
// Every request carries the session cookie (same origin); every state-changing request carries the
// session's CSRF token in X-CSRF-Token. A 401 from any route but sign-in means the session is gone:
// the app is told, and shows the sign-in page.
import type { Health, Meta } from './types';

export interface FieldProblem {
  field: string;
  message: string;
}

/** One finding of a rule that refused a change (422 `rule_refused`): never parse `message`. */
export interface Finding {
  rule: string;
  field?: string;
  message: string;
  legalSource?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Per-field problems of a 400 `validation` answer. */
  readonly details: FieldProblem[];
  /** Why the rules refused a change (422 `rule_refused`). */
  readonly findings: Finding[];
  constructor(status: number, code: string, message: string, details: FieldProblem[] = [], findings: Finding[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.findings = findings;
  }
}

export type QueryValue = string | number | undefined | null | readonly string[];
export type Query = Record<string, QueryValue>;

export function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly string[]) params.append(name, v);
    } else {
      params.set(name, String(value));
    }
  }
  return params;
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token (from sign-in or /api/me); sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for a request not made through apiFetch (an upload with progress). */
export const currentCsrfToken = (): string | null => csrfToken;

/** Called when an API answer says the session is gone (401). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isErrorBody(body: unknown): body is { error: { code?: unknown; message?: unknown; details?: unknown } } {
  return typeof body === 'object' && body !== null && 'error' in body &&
    typeof (body as { error: unknown }).error === 'object' && (body as { error: unknown }).error !== null;
}

function detailsOf(raw: unknown): FieldProblem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { field, message } = d as { field?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ field: typeof field === 'string' ? field : '', message }] : [];
  });
}

function findingsOf(raw: unknown): Finding[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f: unknown) => {
    if (typeof f !== 'object' || f === null) return [];
    const { rule, field, message, legalSource } = f as Record<string, unknown>;
    if (typeof rule !== 'string' || typeof message !== 'string') return [];
    return [{ rule, message, ...(typeof field === 'string' ? { field } : {}), ...(typeof legalSource === 'string' ? { legalSource } : {}) }];
  });
}

function errorOf(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const findings = findingsOf((body.error as { findings?: unknown }).findings);
    const code = typeof body.error.code === 'string' ? body.error.code : `http_${response.status}`;
    const message = typeof body.error.message === 'string' ? body.error.message : response.statusText;
    return new ApiError(response.status, code, message, detailsOf(body.error.details), findings);
  }
  return new ApiError(response.status, `http_${response.status}`, `The server answered ${response.status} ${response.statusText}.`);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
  /** A 401 is an ordinary answer here (sign-in, the session check), not a lost session. */
  expect401?: boolean;
}

/** The raw response of a successful request; throws ApiError otherwise. */
export async function apiFetch(path: string, opts: RequestOptions = {}): Promise<Response> {
  const method = opts.method ?? 'GET';
  const qs = toSearchParams(opts.query ?? {}).toString();
  const url = qs ? `${path}?${qs}` : path;
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      signal: opts.signal,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'Could not reach the Prevention Hub server. Check that `npx hub serve` is running.');
  }
  if (response.ok) return response;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const error = errorOf(response, body);
  if (response.status === 401 && !opts.expect401) onUnauthenticated?.();
  throw error;
}

async function jsonOf<T>(response: Response, path: string): Promise<T> {
  const text = await response.text();
  try {
    if (text) return JSON.parse(text) as T;
  } catch {
    // fall through
  }
  throw new ApiError(response.status, 'bad_response', `The server sent an empty or non-JSON answer for ${path}.`);
}

export async function apiGet<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return jsonOf<T>(await apiFetch(path, { query, signal }), path);
}

/** A state-changing request; answers with the JSON body, or undefined for 204. */
export async function apiSend<T = undefined>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, opts: { expect401?: boolean } = {}): Promise<T> {
  const response = await apiFetch(path, { method, body, expect401: opts.expect401 });
  if (response.status === 204) return undefined as T;
  return jsonOf<T>(response, path);
}

export const getHealth = (signal?: AbortSignal) => apiGet<Health>('/api/health', {}, signal);
export const getMeta = (signal?: AbortSignal) => apiGet<Meta>('/api/meta', {}, signal);

/** The one error type of the application. Routes map `code` to HTTP, the CLI to an exit code. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'throttled'
  | 'database_locked'
  | 'unavailable'
  | 'import_failed'
  /** The audit key is missing or is not the key this database's audit chain was written with. */
  | 'audit_key'
  | 'rule_refused'
  | 'internal';

export interface ErrorDetail {
  file?: string;
  line?: number;
  field?: string;
  message: string;
}

/**
 * One finding of a rule (platform/lifecycle): which rule, the field it concerns (when one does),
 * the words shown to the user, and the law or policy it rests on. Never parse `message`.
 */
export interface Finding {
  rule: string;
  field?: string;
  message: string;
  legalSource?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** The rules' findings of a 'rule_refused' error (HTTP 422 `findings[]`). */
  readonly findings: Finding[] | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], findings?: Finding[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.findings = findings;
  }
}

/**
 * A refusal by the rules (HTTP 422, exit code 11): `findings` say why. `details` repeat the
 * findings that name a field, so forms can show each beside its field.
 */
export function ruleRefused(message: string, findings: Finding[]): AppError {
  const details = findings.map((f) => ({ ...(f.field ? { field: f.field } : {}), message: f.message }));
  return new AppError('rule_refused', message, details, findings);
}

const httpStatus: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  throttled: 429,
  import_failed: 422,
  rule_refused: 422,
  database_locked: 503,
  unavailable: 503,
  audit_key: 503,
  internal: 500,
};

const exitCode: Record<ErrorCode, number> = {
  validation: 2,
  not_found: 3,
  conflict: 4,
  unauthenticated: 5,
  forbidden: 5,
  throttled: 8,
  import_failed: 6,
  database_locked: 7,
  unavailable: 9,
  audit_key: 10,
  rule_refused: 11,
  internal: 1,
};

export const toHttpStatus = (code: ErrorCode): number => httpStatus[code];
export const toExitCode = (code: ErrorCode): number => exitCode[code];

/** Wraps anything thrown into an AppError without leaking internals. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('internal', 'Internal error');
}

/** A database error with its SQLSTATE, raised by both engines. */
export class SqlError extends Error {
  readonly code: string | undefined;
  readonly detail: string | undefined;
  constructor(message: string, code?: string, detail?: string) {
    super(message);
    this.name = 'SqlError';
    this.code = code;
    this.detail = detail;
  }
}

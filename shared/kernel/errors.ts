/**
 * Errors travel as values ({ ok: false, error }), never as thrown exceptions
 * across IPC or HTTP: Electron strips everything but the message from thrown
 * errors, and a stack trace is no answer for a user.
 */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unknown_procedure', 'unauthorized', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldIssue = { path: string; message: string };

export type KeelError = {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: KeelError };

/** Thrown by services for expected refusals; turned into a KeelError at the boundary. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }

  toKeelError(): KeelError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `${what} ${id} does not exist.`);

/** A form field names a record that does not exist: the refusal lands on that field. */
export const unknownReference = (what: string, id: string, path: string) =>
  new DomainError('not_found', `${what} ${id} does not exist.`, [{ path, message: `is not a known ${what.toLowerCase()}` }]);

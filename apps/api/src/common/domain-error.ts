/**
 * The one error type services throw, by a code of the catalogue (`ERROR_CATALOGUE` in
 * @ilr/shared), which also gives its HTTP status. Each feature names its errors once (see
 * `<feature>.errors.ts`); the global filter turns any DomainError into the contract's body.
 */
import { ERROR_CATALOGUE, type ErrorCode, type ErrorDetails, type FieldError } from '@ilr/shared';

export type { ErrorDetails };

export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;

  constructor(
    readonly code: C,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = ERROR_CATALOGUE[code];
  }
}

/** One offending field: its English message (API.md's `details.fields`) and its code for translation. */
export interface FieldProblem extends FieldError {
  message: string;
}

/** Field problems as `details.fieldErrors`: each path's code, and its parameters when it has any. */
export const toFieldErrors = (fields: Record<string, FieldProblem>): Record<string, FieldError> =>
  Object.fromEntries(
    Object.entries(fields).map(([path, { code, params }]) => [path, params ? { code, params } : { code }]),
  );

export const validationFailed = (fields: Record<string, FieldProblem>, message = 'The request is not valid') =>
  new DomainError('VALIDATION_FAILED', message, {
    fields: Object.fromEntries(Object.entries(fields).map(([path, f]) => [path, f.message])),
    fieldErrors: toFieldErrors(fields),
  });
/** A single offending field. */
export const fieldInvalid = (path: string, problem: FieldProblem) => validationFailed({ [path]: problem });
export const unauthenticated = (message = 'Sign in to continue') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You may not do this') => new DomainError('FORBIDDEN', message);
export const notFound = (what = 'Resource') => new DomainError('NOT_FOUND', `${what} not found`);

/** Thrown to answer with a stored response (an idempotent replay); the error filter writes it as it is. */
export class ReplayedResponse extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super('replayed response');
  }
}

/**
 * The one error type services throw. Each feature names its codes once (see `<feature>.errors.ts`);
 * the global filter turns any DomainError into the contract's body.
 */
import type { ApiErrorBody } from '@ilr/shared';

export type ErrorDetails = NonNullable<ApiErrorBody['error']['details']>;

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationFailed = (fields: Record<string, string>, message = 'The request is not valid') =>
  new DomainError(400, 'VALIDATION_FAILED', message, { fields });
export const unauthenticated = (message = 'Sign in to continue') => new DomainError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'You may not do this') => new DomainError(403, 'FORBIDDEN', message);
export const notFound = (what = 'Resource') => new DomainError(404, 'NOT_FOUND', `${what} not found`);

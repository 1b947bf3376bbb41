/**
 * Turns every error into the contract's body `{ error: { code, message, details? } }` with the
 * request id, and hides the internals of unexpected errors (they are logged instead).
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { codeForStatus } from '@ilr/shared';
import { SchedulerInputError } from '@ilr/scheduler';
import { DomainError, ReplayedResponse } from './domain-error';
import { isDatabaseUnreachable, isUniqueViolation } from '../database/driver-errors';

export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  // The scheduler's codes are in the catalogue with the same statuses (error.filter.spec.ts).
  if (error instanceof SchedulerInputError) return new DomainError(error.code, error.message, { ids: error.details });
  if (error instanceof ThrottlerException)
    return new DomainError('RATE_LIMITED', 'Too many attempts; try again in a minute');
  if (error instanceof HttpException) {
    // A framework exception carries only a status: it gets the generic code of that status.
    const code = codeForStatus(error.getStatus());
    return new DomainError(code, code === 'NOT_FOUND' ? 'Not found' : error.message);
  }
  if (isUniqueViolation(error)) return new DomainError('ALREADY_EXISTS', 'This already exists');
  if (isDatabaseUnreachable(error))
    return new DomainError('UNAVAILABLE', 'The database cannot be reached just now; try again in a moment');
  // body-parser and raw-body errors carry an HTTP status and a type.
  const e = error as { type?: string; status?: number };
  if (e?.type === 'entity.too.large')
    return new DomainError('PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB');
  if (e?.type === 'entity.parse.failed') return new DomainError('VALIDATION_FAILED', 'The body is not valid JSON');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new DomainError(codeForStatus(e.status), 'The request could not be read');
  }
  return new DomainError('INTERNAL', 'Something went wrong on our side; the request id helps us find it');
}

export function errorBody(error: DomainError, requestId?: string) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    if (exception instanceof ReplayedResponse) {
      res.status(exception.statusCode).json(exception.body);
      return;
    }
    const error = toDomainError(exception);
    if (error.code === 'UNAVAILABLE') {
      this.logger.warn(
        { requestId: req.id, path: req.originalUrl, reason: (exception as Error)?.message },
        'database unreachable',
      );
    } else if (error.status >= 500) {
      this.logger.error({ err: exception, requestId: req.id, path: req.originalUrl }, 'unexpected error');
    }
    if (res.headersSent) return;
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    // JSON even where the route set another type (agenda.ics) before it failed.
    res.status(error.status).type('application/json').json(errorBody(error, req.id));
  }
}

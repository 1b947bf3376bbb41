/**
 * Turns every error into the contract's body `{ error: { code, message, details? } }` with the
 * request id, and hides the internals of unexpected errors (they are logged instead).
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';
import { isUniqueViolation } from '../database/driver-errors';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ThrottlerException)
    return new DomainError(429, 'RATE_LIMITED', 'Too many attempts; try again in a minute');
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const message = status === 404 ? 'Not found' : error.message;
    return new DomainError(status, code, message);
  }
  if (isUniqueViolation(error)) return new DomainError(409, 'ALREADY_EXISTS', 'This already exists');
  // body-parser and raw-body errors carry an HTTP status and a type.
  const e = error as { type?: string; status?: number };
  if (e?.type === 'entity.too.large')
    return new DomainError(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB');
  if (e?.type === 'entity.parse.failed') return new DomainError(400, 'VALIDATION_FAILED', 'The body is not valid JSON');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new DomainError(e.status, CODE_BY_STATUS[e.status] ?? 'VALIDATION_FAILED', 'The request could not be read');
  }
  return new DomainError(500, 'INTERNAL', 'Something went wrong on our side; the request id helps us find it');
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
    const error = toDomainError(exception);
    if (error.status >= 500) {
      this.logger.error({ err: exception, requestId: req.id, path: req.originalUrl }, 'unexpected error');
    }
    if (res.headersSent) return;
    res.status(error.status).json(errorBody(error, req.id));
  }
}

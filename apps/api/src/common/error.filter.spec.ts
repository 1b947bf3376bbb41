import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ERROR_CATALOGUE, ERROR_CODES, REALTIME_ERROR_CODES } from '@ilr/shared';
import { SCHEDULER_ERROR_STATUS, SchedulerInputError } from '@ilr/scheduler';
import { DomainError } from './domain-error';
import { toDomainError } from './error.filter';

describe('the error catalogue and its one mapping', () => {
  it("holds the scheduler's codes with the scheduler's statuses", () => {
    for (const [code, status] of Object.entries(SCHEDULER_ERROR_STATUS)) {
      expect(ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE]).toBe(status);
    }
  });

  it('holds every realtime code', () => {
    for (const code of REALTIME_ERROR_CODES) expect(ERROR_CODES).toContain(code);
  });

  it('gives every code a client or server error status', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_CATALOGUE[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_CATALOGUE[code]).toBeLessThan(600);
    }
  });

  it("maps a framework's bare status to a generic code, never a feature's", () => {
    const cases: [HttpException, string, number][] = [
      [new UnprocessableEntityException(), 'VALIDATION_FAILED', 400],
      [new HttpException('teapot', 418), 'VALIDATION_FAILED', 400],
      [new BadRequestException(), 'VALIDATION_FAILED', 400],
      [new ForbiddenException(), 'FORBIDDEN', 403],
      [new NotFoundException(), 'NOT_FOUND', 404],
      [new PayloadTooLargeException(), 'PAYLOAD_TOO_LARGE', 413],
    ];
    for (const [exception, code, status] of cases) {
      const error = toDomainError(exception);
      expect([error.code, error.status]).toEqual([code, status]);
    }
    // A 422 is an idempotency-key conflict only when a feature says so.
    expect(toDomainError(new UnprocessableEntityException()).code).not.toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("keeps a scheduler input error's code, status and offending ids", () => {
    const error = toDomainError(new SchedulerInputError('FIXED_CONFLICT', 'double booked', { meeting: 'm1' }));
    expect(error).toBeInstanceOf(DomainError);
    expect([error.code, error.status, error.details]).toEqual(['FIXED_CONFLICT', 409, { ids: { meeting: 'm1' } }]);
  });

  it('hides unexpected errors behind INTERNAL', () => {
    const error = toDomainError(new TypeError("Cannot read properties of undefined (reading 'trim')"));
    expect([error.code, error.status]).toEqual(['INTERNAL', 500]);
    expect(error.message).not.toMatch(/trim/);
  });
});

/**
 * Driver errors look different on each driver; this is the one place that knows both: unique-key
 * violations, and the transient lock errors after which a transaction may simply run again.
 */
import { QueryFailedError } from 'typeorm';

/** The driver's error code of a failed query (`ER_DUP_ENTRY`, `SQLITE_CONSTRAINT_UNIQUE` …). */
function driverCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
}

const UNIQUE = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code !== undefined && UNIQUE.has(code);
}

/**
 * MySQL may pick a transaction as a deadlock victim even when lock order is consistent (gap locks
 * on unique indexes); such a transaction is rolled back whole and safe to run again, which
 * `DatabaseService.transaction()` does for every write.
 */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isRetryableLockError(error: unknown): boolean {
  const code = driverCode(error);
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * The database cannot be reached (refused, reset, timed out, the connection lost mid-query, too
 * many connections): the request gets 503 UNAVAILABLE rather than 500, and the pool opens new
 * connections once the database answers again. TypeORM wraps query errors (driverError) but not
 * the pool's errors when it cannot connect.
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
]);

type Cause = { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };

export function isDatabaseUnreachable(error: unknown): boolean {
  let e = error as Cause | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return true;
    if (typeof e.message === 'string' && /connection is in closed state|Pool is closed/.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as Cause | undefined;
  }
  return false;
}

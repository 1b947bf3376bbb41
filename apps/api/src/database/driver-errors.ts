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

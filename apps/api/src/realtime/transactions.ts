/**
 * MySQL may pick a transaction as a deadlock victim even when lock order is consistent (gap locks
 * on unique indexes); such a transaction is rolled back whole and safe to run again.
 */
import { QueryFailedError } from 'typeorm';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isRetryable(error: unknown): boolean {
  const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
  return error instanceof QueryFailedError && code !== undefined && RETRYABLE.has(code);
}

export async function retryingDeadlocks<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

/**
 * Input errors, each with the HTTP status the API layer should answer with: malformed input is
 * the caller's mistake (400); fixed meetings that break the event's rules conflict with the
 * state of the event (409).
 */
export const SCHEDULER_ERROR_STATUS = {
  /** Two slots, tables, companies or requests share an id. */
  DUPLICATE_ID: 400,
  /** A request, fixed meeting or availability list names an id that does not exist. */
  UNKNOWN_ID: 400,
  /** A malformed value: a request of a company with itself, a bad weight or maximum, slots out of order. */
  INVALID_VALUE: 400,
  /** Two requests for the same pair of companies (merge them into one with a higher weight). */
  DUPLICATE_PAIR: 400,
  /** A fixed meeting breaks a constraint (availability, double booking, table kind, capacity). */
  FIXED_CONFLICT: 409,
} as const;

export type SchedulerErrorCode = keyof typeof SCHEDULER_ERROR_STATUS;

export class SchedulerInputError extends Error {
  override readonly name = 'SchedulerInputError';

  constructor(
    readonly code: SchedulerErrorCode,
    message: string,
    /** The offending ids, for the API's `details`. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }

  get httpStatus(): number {
    return SCHEDULER_ERROR_STATUS[this.code];
  }
}

/**
 * The error catalogue: every code the API answers with (HTTP and socket acks), with its HTTP
 * status, in one table. Services throw `DomainError`s by code (the status comes from here), the
 * global filter and the socket acks write `{ error: { code, message, details? } }`, and the web app
 * translates every code (its messages are a record over `ErrorCode`, so a missing translation
 * fails the typecheck). A feature adds its codes here, in its own block.
 */
export const ERROR_CATALOGUE = {
  // Common to every feature
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  // Accounts and companies
  EMAIL_TAKEN: 409,
  LAST_ORGANISER: 409,
  COMPANY_MEMBERSHIP_EXISTS: 409,
  // Personal data (privacy)
  WRONG_PASSWORD: 403,
  CONSENT_VERSION_STALE: 409,
  // Events
  INVALID_STATUS_TRANSITION: 409,
  REGISTRATION_CLOSED: 409,
  // Live video
  VIDEO_DISABLED: 503,
  LIVEKIT_UNAVAILABLE: 503,
  LIVEKIT_ERROR: 502,
  ALREADY_ON_STAGE: 409,
  HOST_IS_FIXED: 409,
  NOT_A_PARTICIPANT: 409,
  RECORDING_ACTIVE: 409,
  RECORDING_STARTING: 409,
  NO_ACTIVE_RECORDING: 409,
  // Live rooms (socket acks)
  NOT_IN_ROOM: 403,
  MUTED: 403,
  TOO_MANY_ROOMS: 409,
  POLL_CLOSED: 409,
  UNKNOWN_EVENT: 404,
  // Matchmaking
  NOT_PARTICIPATING: 409,
  REQUEST_EXISTS: 409,
  REQUEST_QUOTA_REACHED: 409,
  REQUEST_NOT_PENDING: 409,
  REQUEST_NOT_ACCEPTED: 409,
  REQUEST_ALREADY_BOOKED: 409,
  COMPANY_BUSY: 409,
  TABLE_TAKEN: 409,
  NO_FREE_TABLE: 409,
  NOT_AVAILABLE: 409,
  WRONG_TABLE_KIND: 409,
  MEETING_CANCELLED: 409,
  MEETING_NOT_STARTED: 409,
  VIDEO_NOT_OPEN: 409,
  SCHEDULE_RUNNING: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  // Projects and the signing ceremony
  ALREADY_SIGNED: 409,
  NOT_SIGNED: 409,
  // Deals and signing meetings
  SIGN_THROUGH_AGREEMENT: 409,
  INVALID_STAGE: 409,
  DEAL_EXISTS: 409,
  NOT_SAME_FIRMS: 409,
  NO_INTENT: 409,
  NO_WITNESS: 409,
  PARTY_BUSY: 409,
  SIGNING_EXISTS: 409,
  SIGNING_CANCELLED: 409,
  TERMS_CHANGED: 409,
  AWAITING_CONFIRMATION: 409,
  NOT_CLOUD_SIGNING: 409,
  // Matchmaking scheduler input (libs/scheduler's SCHEDULER_ERROR_STATUS; a unit test keeps them equal)
  DUPLICATE_ID: 400,
  UNKNOWN_ID: 400,
  INVALID_VALUE: 400,
  DUPLICATE_PAIR: 400,
  FIXED_CONFLICT: 409,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}

/**
 * The code for a bare HTTP status (a framework's own exception, a proxy's error page): only the
 * generic codes, never a feature's (a 422 is not necessarily about an idempotency key).
 */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
    case 405:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

/**
 * Why a field was refused, as a code the web app translates with its parameters (never an
 * English sentence to parse). `details.fields` keeps a readable English message per field for
 * other clients; `details.fieldErrors` carries these.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'notNull',
  'unknownField',
  'type',
  'lengthBetween',
  'minLength',
  'maxLength',
  'localized',
  'tagList',
  'email',
  'url',
  'timeZone',
  'countryCode',
  'sectorCode',
  'instant',
  'uuid',
  'oneOf',
  'integer',
  'positiveInteger',
  'range',
  'maxItems',
  'unique',
  'after',
  'unknownIds',
  'invalid',
  /** A money amount: positive, within its currency's minor digits (KRW none, USD and CNY 2). */
  'amount',
  /** An exchange rate: a positive decimal with at most 10 decimals. */
  'rate',
  // Problems of a CSV file or row as a whole (`_row` in a RowError's fieldErrors)
  'csvSyntax',
  'fileEmpty',
  'unknownColumns',
  'missingColumns',
  'tooManyRows',
  'cellCount',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrorParams = Record<string, string | number>;

export interface FieldError {
  code: FieldErrorCode;
  params?: FieldErrorParams;
}

/** A CSV import row that was refused: its number and each field's problem (or a file-level code). */
export interface RowError {
  row: number;
  /** English summary, for other clients. */
  reason: string;
  /** Per column (dotted path) the field errors; `_row` for problems of the row as a whole. */
  fieldErrors?: Record<string, FieldError>;
}

export interface ErrorDetails {
  /** Dotted field path → English message (API.md). */
  fields?: Record<string, string>;
  /** Dotted field path → code and parameters, for translation. */
  fieldErrors?: Record<string, FieldError>;
  rows?: RowError[];
  [key: string]: unknown;
}

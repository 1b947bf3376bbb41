/**
 * Every error code the web app translates: the common API codes, the events and accounts codes,
 * the live video codes and the live rooms' socket codes. `errors.codes` in each locale must name
 * them all (the English file is checked against this type).
 */
import type { ErrorCode, LIVE_ERROR_STATUS, RealtimeErrorCode } from '@ilr/shared';

/** Codes the events and accounts features return that are not in the shared ERROR_STATUS table. */
export type FeatureErrorCode = 'INVALID_STATUS_TRANSITION' | 'REGISTRATION_CLOSED' | 'LAST_ORGANISER';

export type TranslatedErrorCode = ErrorCode | FeatureErrorCode | keyof typeof LIVE_ERROR_STATUS | RealtimeErrorCode;

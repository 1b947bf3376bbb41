/**
 * The live rooms' error codes (REALTIME_ERROR_CODES in @ilr/shared) and how any error becomes the
 * `{ ok: false, error: { code, message } }` an ack carries.
 */
import type { RealtimeError, RealtimeErrorCode } from '@ilr/shared';
import { REALTIME_LIMITS } from '@ilr/shared';
import { DomainError, fieldInvalid, validationFailed } from '../common/domain-error';

const fail = (code: RealtimeErrorCode, message: string) => new DomainError(code, message);

export const RealtimeErrors = {
  notAnObject: () => validationFailed({}, 'The payload must be an object'),
  badRoom: () =>
    fieldInvalid('room', {
      code: 'oneOf',
      params: { values: 'session:<id>, event:<id>, ceremony:<id>' },
      message: 'must be session:<id>, event:<id> or ceremony:<id>',
    }),
  badOption: (count: number) =>
    fieldInvalid('optionIndex', {
      code: 'range',
      params: { min: 0, max: count - 1 },
      message: `must be from 0 to ${count - 1}`,
    }),
  notInRoom: (room: string) => fail('NOT_IN_ROOM', `Join ${room} first`),
  tooManyRooms: () =>
    fail('TOO_MANY_ROOMS', `A connection may be in at most ${REALTIME_LIMITS.roomsPerConnection} rooms`),
  cannotJoin: () => fail('FORBIDDEN', 'Register for the event to join this session'),
  removedFromSession: () => fail('FORBIDDEN', 'A host removed you from this session'),
  notModerator: () => fail('FORBIDDEN', "Only the room's hosts and the organisers may do this"),
  notAuthorOrModerator: () => fail('FORBIDDEN', 'Only the author or a moderator may delete this message'),
  cannotMuteSelf: () => fail('FORBIDDEN', 'Moderators cannot mute themselves'),
  publicCeremonyOnly: () => fail('FORBIDDEN', 'The public channel can only join ceremony rooms'),
  publicReadOnly: () => fail('FORBIDDEN', 'The public channel is read-only'),
  muted: (until: Date | null) =>
    fail('MUTED', until ? `You are muted in this room until ${until.toISOString()}` : 'You are muted in this room'),
  messageNotFound: () => fail('NOT_FOUND', 'Message not found'),
  questionNotFound: () => fail('NOT_FOUND', 'Question not found'),
  pollNotFound: () => fail('NOT_FOUND', 'Poll not found'),
  userNotFound: () => fail('NOT_FOUND', 'User not found'),
  pollClosed: () => fail('POLL_CLOSED', 'The poll is closed'),
  rateLimited: () => fail('RATE_LIMITED', `Slow down: at most ${REALTIME_LIMITS.eventsPerSecond} events per second`),
  unknownEvent: (event: string) => fail('UNKNOWN_EVENT', `Unknown event ${JSON.stringify(event.slice(0, 64))}`),
};

const INTERNAL: RealtimeError = { code: 'INTERNAL', message: 'Something went wrong on our side' };

/** The ack error for anything a handler threw; unexpected errors hide their internals. */
export function toRealtimeError(error: unknown): { error: RealtimeError; unexpected: boolean } {
  if (error instanceof DomainError && error.status < 500) {
    return { error: { code: error.code as RealtimeErrorCode, message: error.message }, unexpected: false };
  }
  return { error: INTERNAL, unexpected: true };
}

/**
 * The live rooms' error codes (REALTIME_ERROR_CODES in @ilr/shared) and how any error becomes the
 * `{ ok: false, error: { code, message } }` an ack carries.
 */
import type { RealtimeError, RealtimeErrorCode } from '@ilr/shared';
import { REALTIME_LIMITS } from '@ilr/shared';
import { DomainError, validationFailed } from '../common/domain-error';

const fail = (status: number, code: RealtimeErrorCode, message: string) => new DomainError(status, code, message);

export const RealtimeErrors = {
  notAnObject: () => validationFailed({}, 'The payload must be an object'),
  badRoom: () => validationFailed({ room: 'must be session:<id>, event:<id> or ceremony:<id>' }),
  badOption: (count: number) => validationFailed({ optionIndex: `must be from 0 to ${count - 1}` }),
  notInRoom: (room: string) => fail(403, 'NOT_IN_ROOM', `Join ${room} first`),
  tooManyRooms: () =>
    fail(409, 'TOO_MANY_ROOMS', `A connection may be in at most ${REALTIME_LIMITS.roomsPerConnection} rooms`),
  cannotJoin: () => fail(403, 'FORBIDDEN', 'Register for the event to join this session'),
  notModerator: () => fail(403, 'FORBIDDEN', "Only the room's hosts and the organisers may do this"),
  notAuthorOrModerator: () => fail(403, 'FORBIDDEN', 'Only the author or a moderator may delete this message'),
  cannotMuteSelf: () => fail(403, 'FORBIDDEN', 'Moderators cannot mute themselves'),
  publicCeremonyOnly: () => fail(403, 'FORBIDDEN', 'The public channel can only join ceremony rooms'),
  publicReadOnly: () => fail(403, 'FORBIDDEN', 'The public channel is read-only'),
  muted: (until: Date | null) =>
    fail(
      403,
      'MUTED',
      until ? `You are muted in this room until ${until.toISOString()}` : 'You are muted in this room',
    ),
  messageNotFound: () => fail(404, 'NOT_FOUND', 'Message not found'),
  questionNotFound: () => fail(404, 'NOT_FOUND', 'Question not found'),
  pollNotFound: () => fail(404, 'NOT_FOUND', 'Poll not found'),
  userNotFound: () => fail(404, 'NOT_FOUND', 'User not found'),
  pollClosed: () => fail(409, 'POLL_CLOSED', 'The poll is closed'),
  rateLimited: () =>
    fail(429, 'RATE_LIMITED', `Slow down: at most ${REALTIME_LIMITS.eventsPerSecond} events per second`),
  unknownEvent: (event: string) => fail(404, 'UNKNOWN_EVENT', `Unknown event ${JSON.stringify(event.slice(0, 64))}`),
};

const INTERNAL: RealtimeError = { code: 'INTERNAL', message: 'Something went wrong on our side' };

/** The ack error for anything a handler threw; unexpected errors hide their internals. */
export function toRealtimeError(error: unknown): { error: RealtimeError; unexpected: boolean } {
  if (error instanceof DomainError && error.status < 500) {
    return { error: { code: error.code as RealtimeErrorCode, message: error.message }, unexpected: false };
  }
  return { error: INTERNAL, unexpected: true };
}

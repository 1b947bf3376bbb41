import { DomainError, fieldInvalid } from '../common/domain-error';

export const EventsErrors = {
  notFound: () => new DomainError('NOT_FOUND', 'Event not found'),
  sessionNotFound: () => new DomainError('NOT_FOUND', 'Session not found'),
  badgeNotFound: () => new DomainError('NOT_FOUND', 'No registration with this badge code for this event'),
  notRegistered: () => new DomainError('NOT_FOUND', 'You are not registered for this event'),
  endsBeforeStart: () =>
    fieldInvalid('endsAt', { code: 'after', params: { field: 'startsAt' }, message: 'must be after startsAt' }),
  unknownSpeakers: (ids: string[]) =>
    fieldInvalid('speakerUserIds', {
      code: 'unknownIds',
      params: { ids: ids.join(', ') },
      message: `unknown user(s): ${ids.join(', ')}`,
    }),
  badTransition: (from: string, to: string) =>
    new DomainError('INVALID_STATUS_TRANSITION', `An event that is ${from} cannot become ${to}`),
  registrationClosed: () => new DomainError('REGISTRATION_CLOSED', 'The event has ended; registration is closed'),
  notAllowed: () => new DomainError('FORBIDDEN', 'Only organisers and promoters may manage events'),
};

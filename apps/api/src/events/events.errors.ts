import { DomainError, validationFailed } from '../common/domain-error';

export const EventsErrors = {
  notFound: () => new DomainError(404, 'NOT_FOUND', 'Event not found'),
  sessionNotFound: () => new DomainError(404, 'NOT_FOUND', 'Session not found'),
  badgeNotFound: () => new DomainError(404, 'NOT_FOUND', 'No registration with this badge code for this event'),
  notRegistered: () => new DomainError(404, 'NOT_FOUND', 'You are not registered for this event'),
  endsBeforeStart: () => validationFailed({ endsAt: 'must be after startsAt' }),
  unknownSpeakers: (ids: string[]) => validationFailed({ speakerUserIds: `unknown user(s): ${ids.join(', ')}` }),
  badTransition: (from: string, to: string) =>
    new DomainError(409, 'INVALID_STATUS_TRANSITION', `An event that is ${from} cannot become ${to}`),
  registrationClosed: () => new DomainError(409, 'REGISTRATION_CLOSED', 'The event has ended; registration is closed'),
  notAllowed: () => new DomainError(403, 'FORBIDDEN', 'Only organisers and promoters may manage events'),
};

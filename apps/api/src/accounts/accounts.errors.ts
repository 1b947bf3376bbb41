import { DomainError } from '../common/domain-error';

export const AccountsErrors = {
  emailTaken: () => new DomainError(409, 'EMAIL_TAKEN', 'An account with this email already exists'),
  wrongCredentials: () => new DomainError(401, 'UNAUTHENTICATED', 'The email or password is not correct'),
  userNotFound: () => new DomainError(404, 'NOT_FOUND', 'User not found'),
  lastOrganiser: () =>
    new DomainError(
      409,
      'LAST_ORGANISER',
      'The last organiser cannot give up the role; make someone else organiser first',
    ),
};

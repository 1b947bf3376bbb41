import { DomainError } from '../common/domain-error';

export const AccountsErrors = {
  emailTaken: () => new DomainError('EMAIL_TAKEN', 'An account with this email already exists'),
  wrongCredentials: () => new DomainError('UNAUTHENTICATED', 'The email or password is not correct'),
  notAllowed: () => new DomainError('FORBIDDEN', 'You may not change roles'),
  userNotFound: () => new DomainError('NOT_FOUND', 'User not found'),
  lastOrganiser: () =>
    new DomainError('LAST_ORGANISER', 'The last organiser cannot give up the role; make someone else organiser first'),
};

import { DomainError } from '../common/domain-error';

export const PrivacyErrors = {
  staleVersion: (current: string) =>
    new DomainError('CONSENT_VERSION_STALE', `The privacy policy in force is version ${current}; read and accept it`, {
      currentVersion: current,
    }),
  wrongPassword: () => new DomainError('WRONG_PASSWORD', 'The password is not correct'),
};

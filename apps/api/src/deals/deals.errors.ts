import { DomainError, fieldInvalid, forbidden } from '../common/domain-error';

export const DealsErrors = {
  dealNotFound: () => new DomainError('NOT_FOUND', 'Deal not found'),
  signingNotFound: () => new DomainError('NOT_FOUND', 'Signing meeting not found'),
  companyNotFound: (companyId: string) => new DomainError('NOT_FOUND', 'Company not found', { companyId }),
  projectNotFound: () => new DomainError('NOT_FOUND', 'Project not found'),
  meetingNotFound: () => new DomainError('NOT_FOUND', 'Meeting not found'),
  notAllowed: () => forbidden('Only the two firms, promoters and organisers may act on this deal'),
  notStaff: () => forbidden('Only promoters and organisers take a deal'),
  mayNotBook: () => forbidden('Only the two firms, the deal’s owner and organisers book or cancel its signing'),
  mayNotSign: () => forbidden('Only the witness or an organiser signs'),
  mayNotConfirm: () => forbidden('Only a member of one of the two firms confirms the terms'),
  sameCompany: () => fieldInvalid('companyIds', { code: 'unique', message: 'must name two different firms' }),
  notSameFirms: () => new DomainError('NOT_SAME_FIRMS', 'The meeting is not a meeting of the same two firms'),
  dealExists: (dealId: string) => new DomainError('DEAL_EXISTS', 'That meeting already led to a deal', { dealId }),
  signThroughAgreement: () =>
    new DomainError('SIGN_THROUGH_AGREEMENT', 'A deal is signed only by signing its agreement'),
  invalidStage: (from: string, to: string) =>
    new DomainError('INVALID_STAGE', `A deal at ${from} cannot move to ${to}`, { from, to }),
  notAtMou: (stage: string) =>
    new DomainError('INVALID_STAGE', `A signing is booked for a deal at mou (this one is at ${stage})`, {
      from: stage,
      to: 'signed',
    }),
  noIntent: () => new DomainError('NO_INTENT', 'No side of this meeting gave the outcome intent_to_sign'),
  noWitness: () =>
    new DomainError('NO_WITNESS', 'The deal has no owner to witness its signing; a promoter takes it first'),
  partyBusy: (partyId: string) =>
    new DomainError('PARTY_BUSY', 'A firm or the witness already has a meeting at that time', { partyId }),
  signingExists: () => new DomainError('SIGNING_EXISTS', 'The deal already has a signing meeting'),
  alreadySigned: () => new DomainError('ALREADY_SIGNED', 'The signing meeting is signed'),
  cancelled: () => new DomainError('SIGNING_CANCELLED', 'The signing meeting was cancelled'),
  termsChanged: (termsSha256: string) =>
    new DomainError('TERMS_CHANGED', 'The terms changed since you read them; read them again', { termsSha256 }),
  awaitingConfirmation: (companyIds: string[]) =>
    new DomainError('AWAITING_CONFIRMATION', 'Both firms confirm the terms before a cloud signing', {
      companyIds: companyIds.join(','),
    }),
  notCloud: () => new DomainError('NOT_CLOUD_SIGNING', 'This signing is onsite: it has no video room'),
  notQuarterHour: (path: string) =>
    fieldInvalid(path, { code: 'invalid', message: 'must be on the quarter hour (:00, :15, :30, :45)' }),
  endsBeforeStart: () =>
    fieldInvalid('endsAt', { code: 'after', params: { field: 'startsAt' }, message: 'must be after startsAt' }),
  tooLong: (max: number) =>
    fieldInvalid('endsAt', {
      code: 'range',
      params: { min: 15, max },
      message: `a signing lasts at most ${max} minutes`,
    }),
  outsideEvent: (path: string) => fieldInvalid(path, { code: 'invalid', message: 'must lie within the event’s time' }),
  badMinutes: () => fieldInvalid('minutes', { code: 'invalid', message: 'must be 15 to 240, a multiple of 15' }),
};

import { AMOUNT_MESSAGES, type AmountProblem } from '@ilr/shared';
import { DomainError, fieldInvalid, forbidden, validationFailed, type FieldProblem } from '../common/domain-error';

export const CeremonyErrors = {
  projectNotFound: () => new DomainError('NOT_FOUND', 'Project not found'),
  agreementNotFound: () => new DomainError('NOT_FOUND', 'Agreement not found'),
  notAllowed: () => forbidden('Only organisers run the signing ceremony'),
  notPlanner: () => forbidden('Only promoters and organisers plan agreements and read ceremony reports'),
  notProjectOwner: () => forbidden("Only the project's promoter and organisers edit it"),
  alreadySigned: () => new DomainError('ALREADY_SIGNED', 'A signed agreement cannot be removed; unsign it first'),
  notSigned: () => new DomainError('NOT_SIGNED', 'The agreement is not signed'),
  projectStatus: (from: string, to: string) =>
    new DomainError(
      'INVALID_STATUS_TRANSITION',
      to === 'signed'
        ? 'A project is signed by signing one of its agreements'
        : `A project cannot move from ${from} to ${to}`,
    ),
  amount: (path: string, problem: AmountProblem) =>
    fieldInvalid(path, { code: problem === 'currency' ? 'oneOf' : 'invalid', message: AMOUNT_MESSAGES[problem] }),
  fields: (fields: Record<string, FieldProblem>) => validationFailed(fields),
  unknownCompanies: (ids: string[]) =>
    fieldInvalid('partyCompanyIds', {
      code: 'unknownIds',
      params: { ids: ids.join(', ') },
      message: `unknown companies: ${ids.join(', ')}`,
    }),
  unknownProject: () => fieldInvalid('projectId', { code: 'unknownIds', message: 'no such project' }),
  sectorRequired: () =>
    fieldInvalid('sector', { code: 'required', message: 'is required when the agreement has no project' }),
  orderMismatch: () =>
    fieldInvalid('agreementIds', {
      code: 'invalid',
      message: "must list each of the event's agreements exactly once",
    }),
  cueUnknown: () => fieldInvalid('agreementId', { code: 'unknownIds', message: 'not an agreement of this event' }),
};

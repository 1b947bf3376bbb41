import { DomainError } from '../common/domain-error';

export const CompaniesErrors = {
  notFound: () => new DomainError(404, 'NOT_FOUND', 'Company not found'),
  alreadyMember: () =>
    new DomainError(
      409,
      'COMPANY_MEMBERSHIP_EXISTS',
      'You already belong to a company; edit it instead of creating another',
    ),
  notAllowed: () =>
    new DomainError(403, 'FORBIDDEN', 'Only the company’s members, promoters and organisers may edit it'),
  csvRejected: (rows: { row: number; reason: string }[]) =>
    new DomainError(400, 'VALIDATION_FAILED', `The file was not imported: ${rows.length} row(s) have problems`, {
      rows,
    }),
};

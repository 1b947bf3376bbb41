import type { RowError } from '@ilr/shared';
import { DomainError } from '../common/domain-error';

export const CompaniesErrors = {
  notFound: () => new DomainError('NOT_FOUND', 'Company not found'),
  alreadyMember: () =>
    new DomainError(
      'COMPANY_MEMBERSHIP_EXISTS',
      'You already belong to a company; edit it instead of creating another',
    ),
  notAllowed: () => new DomainError('FORBIDDEN', 'Only the company’s members, promoters and organisers may edit it'),
  csvRejected: (rows: RowError[]) =>
    new DomainError('VALIDATION_FAILED', `The file was not imported: ${rows.length} row(s) have problems`, {
      rows,
    }),
};

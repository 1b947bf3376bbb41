import { DomainError, fieldInvalid, forbidden } from '../common/domain-error';

export const ExhibitionErrors = {
  notAllowed: () => forbidden("Only the firm's members, promoters and organisers edit its booth"),
  onlyMembersScan: () => forbidden("Only the firm's own members scan leads at its booth"),
  boothNotFound: () => new DomainError('NOT_FOUND', 'Booth not found'),
  companyNotFound: () => new DomainError('NOT_FOUND', 'Company not found'),
  notAnImage: (path: string) =>
    fieldInvalid(path, { code: 'invalid', message: 'must be an uploaded PNG, JPEG or WebP image' }),
  notAPdf: (path: string) => fieldInvalid(path, { code: 'invalid', message: 'must be an uploaded PDF' }),
};

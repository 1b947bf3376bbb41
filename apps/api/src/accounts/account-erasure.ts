/**
 * Erasing an account at its owner's request (privacy/privacy.service.ts runs it with the other
 * features' parts in one transaction). The row stays, so that meetings, deals, agreements and
 * audit trails that name it keep a party, but nothing in it is the person's any more: the email
 * becomes a unique placeholder, the name a marker, the password hash empty (no password verifies
 * against it), the firm and any role beyond member are dropped, and `deleted_at` makes every
 * token of the account a 401.
 */
import type { EntityManager } from 'typeorm';
import { DELETED_USER_NAME, deletedUserEmail } from '@ilr/shared';
import { DomainError } from '../common/domain-error';
import { forUpdate } from '../database/database.service';
import { AccountsErrors } from './accounts.errors';
import { UserEntity } from './user.entity';

export async function eraseAccountInTransaction(em: EntityManager, userId: string): Promise<UserEntity> {
  // The organisers' rows first, as setRole locks them: two organisers deleting themselves at once queue here.
  const organisers = await forUpdate(
    em.createQueryBuilder(UserEntity, 'u').where('u.role = :role', { role: 'organiser' }),
  ).getMany();
  const user = await forUpdate(em.createQueryBuilder(UserEntity, 'u').where('u.id = :id', { id: userId })).getOne();
  if (!user || user.deletedAt) throw AccountsErrors.userNotFound();
  if (user.role === 'organiser' && organisers.length <= 1)
    throw new DomainError(
      'LAST_ORGANISER',
      'The last organiser cannot delete their account; make someone else organiser first',
    );
  const now = new Date();
  await em.update(
    UserEntity,
    { id: userId },
    {
      email: deletedUserEmail(userId),
      displayName: DELETED_USER_NAME,
      passwordHash: '',
      role: 'member',
      companyId: null,
      shareWithExhibitors: false,
      deletedAt: now,
      updatedAt: now,
    },
  );
  return user;
}

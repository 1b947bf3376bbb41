/**
 * What a deleted account did on firms' behalf stays in their audit trails (the firm's record of
 * who acted for it), under the marker instead of the person's name.
 */
import type { EntityManager } from 'typeorm';
import { DELETED_USER_NAME } from '@ilr/shared';
import { AuditEntryEntity } from './audit.entity';

export async function anonymiseActorInTransaction(em: EntityManager, userId: string): Promise<void> {
  await em.update(AuditEntryEntity, { actorUserId: userId }, { actorName: DELETED_USER_NAME });
}

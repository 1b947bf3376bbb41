/** A deleted account's inbox goes. */
import type { EntityManager } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export async function eraseInboxInTransaction(em: EntityManager, userId: string): Promise<void> {
  await em.delete(NotificationEntity, { userId });
}

/** A deleted account's chat messages and questions stay in their rooms, no longer under the person's name. */
import type { EntityManager } from 'typeorm';
import { DELETED_USER_NAME } from '@ilr/shared';
import { RoomMessageEntity, RoomQuestionEntity } from './realtime.entities';

export async function anonymiseAuthorInTransaction(em: EntityManager, userId: string): Promise<void> {
  await em.update(RoomMessageEntity, { authorId: userId }, { authorName: DELETED_USER_NAME });
  await em.update(RoomQuestionEntity, { authorId: userId }, { authorName: DELETED_USER_NAME });
}

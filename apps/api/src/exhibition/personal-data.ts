/** A deleted account's booth visits and the leads firms scanned from its badge go. */
import type { EntityManager } from 'typeorm';
import { BoothLeadEntity, BoothVisitEntity } from './exhibition.entities';

export async function eraseVisitorInTransaction(em: EntityManager, userId: string): Promise<void> {
  await em.delete(BoothVisitEntity, { userId });
  await em.delete(BoothLeadEntity, { visitorId: userId });
}

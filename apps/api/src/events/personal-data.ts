/** A deleted account's registrations go, and with them its badges (no one can scan them any more). */
import type { EntityManager } from 'typeorm';
import { RegistrationEntity } from './event.entities';

export async function eraseRegistrationsInTransaction(em: EntityManager, userId: string): Promise<void> {
  await em.delete(RegistrationEntity, { userId });
}

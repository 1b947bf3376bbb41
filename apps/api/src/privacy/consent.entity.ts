import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ConsentScope } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';

/**
 * One acceptance of the privacy policy: a new row each time (the history is the proof), never
 * updated except to drop the address and browser once the account is deleted.
 */
@Entity('consents')
@Index(['userId', 'acceptedAt'])
export class ConsentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  policyVersion: string;

  /** What was agreed to: `processing`, and `cross_border` when the transfer abroad was accepted too. */
  @Column({ type: 'simple-json' })
  scopes: ConsentScope[];

  @Column({ type: 'datetime', precision: 3 })
  acceptedAt: Date;

  /** The client's address and browser when it was given; null once the account is deleted. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;
}

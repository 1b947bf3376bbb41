import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationKind, NotificationParams } from '@ilr/shared';

/** One entry of a user's inbox. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'simple-json' })
  params: NotificationParams;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}

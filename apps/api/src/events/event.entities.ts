import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { EventFormat, EventKind, EventStatus, Localized, SessionKind } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';

@Entity('events')
@Index(['status', 'startsAt'])
@Index(['startsAt'])
export class EventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: EventKind;

  @Column({ type: 'simple-json' })
  title: Localized;

  @Column({ type: 'simple-json', nullable: true })
  description: Localized | null;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'varchar', length: 16 })
  format: EventFormat;

  @Column({ type: 'varchar', length: 16 })
  status: EventStatus;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => UserEntity)
  createdById: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('event_sessions')
@Index(['eventId', 'startsAt'])
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  eventId: string;

  @Column({ type: 'simple-json' })
  title: Localized;

  @Column({ type: 'simple-json', nullable: true })
  description: Localized | null;

  @Column({ type: 'varchar', length: 16 })
  kind: SessionKind;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;

  /** Speaker user ids in stage order. */
  @Column({ type: 'simple-json' })
  speakerUserIds: string[];

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('registrations')
@Unique('uq_registrations_event_user', ['eventId', 'userId'])
@Unique('uq_registrations_badge', ['badgeCode'])
@Index(['userId'])
export class RegistrationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  eventId: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  userId: string;

  /** What the QR badge encodes; unique across all events. */
  @Column({ type: 'varchar', length: 32 })
  badgeCode: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  checkedInById: string | null;
}

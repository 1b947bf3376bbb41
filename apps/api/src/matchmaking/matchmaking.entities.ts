/** Matchmaking's tables (migration 1764100004000). The matchmaking module is their only writer. */
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeetingOutcome, MeetingRequestStatus, MeetingStatus } from '@ilr/shared';
import type { Attendance, TableKind } from '@ilr/scheduler';

@Entity('mm_slots')
export class SlotEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;
}

@Entity('mm_tables')
export class TableEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 64 })
  label: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TableKind;

  /** Order on the board and when the server picks a free table. */
  @Column({ type: 'int' })
  position: number;
}

@Entity('mm_participants')
export class ParticipantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  companyId: string;

  @Column({ type: 'varchar', length: 16 })
  attendance: Attendance;

  @Column({ type: 'simple-json' })
  availableSlotIds: string[];

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('meeting_requests')
export class MeetingRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 36 })
  fromCompanyId: string;

  @Column({ type: 'varchar', length: 36 })
  toCompanyId: string;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: MeetingRequestStatus;

  /** Set while pending or accepted (unique): one open request per pair and event. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  openPair: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  respondedById: string | null;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('meetings')
export class MeetingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @Column({ type: 'varchar', length: 36 })
  slotId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  tableId: string | null;

  /** The requesting firm. */
  @Column({ type: 'varchar', length: 36, name: 'company_a_id' })
  companyAId: string;

  @Column({ type: 'varchar', length: 36, name: 'company_b_id' })
  companyBId: string;

  /** The slot's times, kept here for calendars and reminders (slots never move). */
  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: MeetingStatus;

  /** The request id while scheduled (unique): a request is booked at most once. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  bookedRequest: string | null;

  /** `hand` (booked by someone) or `scheduler`. */
  @Column({ type: 'varchar', length: 16 })
  source: 'hand' | 'scheduler';

  /** RFC 5545 SEQUENCE: raised on every change so calendars update instead of duplicating. */
  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;

  /** Set once by the node that sent the reminder (a conditional update: exactly once). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  remindedAt: Date | null;
}

@Entity('meeting_occupancy')
export class OccupancyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  slotId: string;

  /** A company id or a table id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  holderId: string;

  @Column({ type: 'varchar', length: 36 })
  meetingId: string;
}

@Entity('meeting_sides')
export class MeetingSideEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  meetingId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  companyId: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'boolean' })
  noShow: boolean;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: MeetingOutcome | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  feedbackById: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  feedbackAt: Date | null;
}

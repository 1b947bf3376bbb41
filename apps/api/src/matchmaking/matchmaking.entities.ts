/** Matchmaking's tables (migration 1764100004000). The matchmaking module is their only writer. */
import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';
import { EventEntity } from '../events/event.entities';
import { SigningMeetingEntity } from '../deals/deals.entities';
import type { MeetingOutcome, MeetingRequestStatus, MeetingStatus } from '@ilr/shared';
import type { Attendance, TableKind } from '@ilr/scheduler';

@Entity('mm_slots')
@Unique('uq_mm_slots_event_start', ['eventId', 'startsAt'])
export class SlotEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;
}

@Entity('mm_tables')
@Unique('uq_mm_tables_event_label', ['eventId', 'label'])
export class TableEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
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
@Index(['companyId'])
export class ParticipantEntity {
  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
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
@Unique('uq_meeting_requests_open_pair', ['openPair'])
@Index(['eventId', 'status'])
@Index(['fromCompanyId'])
@Index(['toCompanyId'])
@Index(['status', 'expiresAt'])
export class MeetingRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  fromCompanyId: string;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
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
@Unique('uq_meetings_booked_request', ['bookedRequest'])
@Index(['eventId', 'status'])
@Index(['companyAId'])
@Index(['companyBId'])
@Index(['status', 'startsAt'])
@Index(['requestId'])
export class MeetingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @ForeignKey(() => MeetingRequestEntity, { onDelete: 'CASCADE' })
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

/** A place in a slot: held by a matchmaking meeting or by a signing meeting (deals) overlapping the slot. */
@Entity('meeting_occupancy')
@Index(['meetingId'])
@Index(['signingMeetingId'])
export class OccupancyEntity {
  @ForeignKey(() => SlotEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  slotId: string;

  /** A company id or a table id. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  holderId: string;

  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  meetingId: string | null;

  @ForeignKey(() => SigningMeetingEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  signingMeetingId: string | null;
}

@Entity('meeting_sides')
export class MeetingSideEntity {
  @ForeignKey(() => MeetingEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  meetingId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  companyId: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'boolean', width: 1 })
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

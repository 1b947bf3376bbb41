/** The deals feature's tables (migration 1764100008000). The deals module is their only writer. */
import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { DealStage, Localized, SigningMode, SigningStatus } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { CompanyEntity } from '../companies/company.entity';
import { EventEntity } from '../events/event.entities';
import { MeetingEntity } from '../matchmaking/matchmaking.entities';

@Entity('deals')
@Unique('uq_deals_meeting', ['meetingId'])
@Index(['companyAId'])
@Index(['companyBId'])
@Index(['stage'])
export class DealEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'simple-json' })
  title: Localized;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36, name: 'company_a_id' })
  companyAId: string;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36, name: 'company_b_id' })
  companyBId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  projectId: string | null;

  /** The matchmaking meeting the deal came from (unique: one deal per meeting). */
  @ForeignKey(() => MeetingEntity, { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  meetingId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  investmentAmount: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  investmentCurrency: string | null;

  @Column({ type: 'varchar', length: 16 })
  stage: DealStage;

  /** The promoter following the deal and witnessing its signing; none until one takes it. */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /** The last change of stage or owner (the board's "last changed"). */
  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('deal_history')
@Unique('uq_deal_history_position', ['dealId', 'position'])
export class DealHistoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => DealEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  dealId: string;

  /** 0, 1, 2 … per deal (unique): the order of changes, whatever their clocks say. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  stage: DealStage;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'varchar', length: 36 })
  byUserId: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@Entity('signing_meetings')
@Unique('uq_signing_meetings_active_deal', ['activeDeal'])
@Index(['eventId', 'startsAt'])
@Index(['agreementId'])
export class SigningMeetingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @ForeignKey(() => DealEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  dealId: string;

  /** The planned agreement (ceremony's) that signing this meeting signs. */
  @Column({ type: 'varchar', length: 36 })
  agreementId: string;

  @Column({ type: 'varchar', length: 36, name: 'company_a_id' })
  companyAId: string;

  @Column({ type: 'varchar', length: 36, name: 'company_b_id' })
  companyBId: string;

  /** The deal's owner when it was booked. */
  @Column({ type: 'varchar', length: 36 })
  witnessUserId: string;

  @Column({ type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'varchar', length: 16 })
  mode: SigningMode;

  @Column({ type: 'varchar', length: 16 })
  status: SigningStatus;

  /** The deal id while scheduled or signed (unique): a deal has at most one such signing meeting. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  activeDeal: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  signedAt: Date | null;
}

/**
 * One quarter hour a party (a firm or a witness) spends in a signing meeting. The primary key
 * (party, cell) is what makes overlapping signing meetings of one party impossible.
 */
@Entity('party_time')
@Index(['signingMeetingId'])
export class PartyTimeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  partyId: string;

  @PrimaryColumn({ type: 'datetime', precision: 3 })
  cellStart: Date;

  @ForeignKey(() => SigningMeetingEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  signingMeetingId: string;
}

/** A firm's representative confirmed, on their own device, the terms with this hash. */
@Entity('signing_confirmations')
export class SigningConfirmationEntity {
  @ForeignKey(() => SigningMeetingEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  signingMeetingId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  companyId: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 64 })
  termsSha256: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}

export const DEALS_ENTITIES = [
  DealEntity,
  DealHistoryEntity,
  SigningMeetingEntity,
  PartyTimeEntity,
  SigningConfirmationEntity,
];

/**
 * The ceremony's tables (migration 1764100007000): the project catalogue, exchange rates (with
 * their history), agreements on an event's run-of-show, and one version counter per event's
 * tally. The ceremony module is their only writer (the deals feature writes agreements through
 * AgreementsService). Amounts are exact decimal strings (SQLite has no decimal type).
 */
import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { Localized } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { EventEntity } from '../events/event.entities';

export const PROJECT_STATUSES = ['open', 'negotiating', 'signed', 'landed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const AGREEMENT_STATUSES = ['planned', 'signed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const SIGNING_MODES = ['onsite', 'cloud'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

@Entity('projects')
@Index(['status', 'sector'])
export class ProjectEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'simple-json' })
  title: Localized;

  @Column({ type: 'simple-json', nullable: true })
  description: Localized | null;

  @Column({ type: 'varchar', length: 64 })
  sector: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  /** Exact decimal string with the currency's minor digits. */
  @Column({ type: 'varchar', length: 40 })
  amount: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 16 })
  status: ProjectStatus;

  /** The promoter who published it (null when an organiser did). */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** Every rate ever entered; the one in force for a currency has the latest `asOf`. */
@Entity('exchange_rates')
export class ExchangeRateEntity {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  currency: string;

  /** YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  asOf: string;

  /** US dollars per unit, exactly as entered (≤ 10 decimals). */
  @Column({ type: 'varchar', length: 40 })
  usdPerUnit: string;

  @Column({ type: 'varchar', length: 36 })
  enteredById: string;

  @Column({ type: 'datetime', precision: 3 })
  enteredAt: Date;
}

@Entity('agreements')
@Index(['eventId', 'position'])
@Index(['projectId'])
@Index(['dealId'])
export class AgreementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'simple-json' })
  title: Localized;

  @ForeignKey(() => ProjectEntity)
  @Column({ type: 'varchar', length: 36, nullable: true })
  projectId: string | null;

  /** The agreement's own sector (the tally uses the project's when there is a project). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sector: string | null;

  /** The signing firms, ≥ 2, in the order given. */
  @Column({ type: 'simple-json' })
  partyCompanyIds: string[];

  @Column({ type: 'varchar', length: 40 })
  amount: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 8 })
  mode: SigningMode;

  @Column({ type: 'varchar', length: 8 })
  status: AgreementStatus;

  /** Place on the run-of-show (1-based, gapless after a reorder). */
  @Column({ type: 'int' })
  position: number;

  /** The deal it closes, if any (the deals feature's table; no foreign key). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  dealId: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  signedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  signedByUserId: string | null;
}

/**
 * One row per event whose tally ever changed: the version the changing transaction increments,
 * so that a late tally (a slower computation, another node) never replaces a newer one.
 */
@Entity('ceremony_tallies')
export class CeremonyTallyEntity {
  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'int' })
  version: number;
}

export const CEREMONY_ENTITIES = [ProjectEntity, ExchangeRateEntity, AgreementEntity, CeremonyTallyEntity];

/** The exhibition's tables (migration 1764100006000). The exhibition module is their only writer. */
import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { Localized } from '@ilr/shared';
import { UserEntity } from '../accounts/user.entity';
import { CompanyEntity } from '../companies/company.entity';
import { EventEntity } from '../events/event.entities';

export interface BoothProduct {
  name: Localized;
  description: Localized | null;
  imageId: string | null;
}

@Entity('booths')
@Index(['companyId'])
export class BoothEntity {
  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  companyId: string;

  @Column({ type: 'simple-json' })
  headline: Localized;

  @Column({ type: 'simple-json', nullable: true })
  description: Localized | null;

  /** In the firm's order. */
  @Column({ type: 'simple-json' })
  products: BoothProduct[];

  @Column({ type: 'simple-json' })
  brochureIds: string[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  logoId: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  videoUrl: string | null;

  /** Lower-cased headline, description and product names in every language, with the firm's names. */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'varchar', length: 36 })
  updatedById: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('booth_visits')
@Index(['eventId', 'companyId', 'day'])
export class BoothVisitEntity {
  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  companyId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  /** YYYY-MM-DD on the event's clock. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}

@Entity('booth_leads')
@Unique('uq_booth_leads_visitor', ['eventId', 'companyId', 'visitorId'])
export class BoothLeadEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey(() => EventEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  companyId: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  visitorId: string;

  @Column({ type: 'varchar', length: 36 })
  scannedById: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}

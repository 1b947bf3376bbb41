import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { Locale, Role } from '@ilr/shared';
import { CompanyEntity } from '../companies/company.entity';

@Entity('users')
@Unique('uq_users_email', ['email'])
@Index(['companyId'])
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 8 })
  locale: Locale;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  @ForeignKey(() => CompanyEntity, { onDelete: 'SET NULL' })
  companyId: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** The person agreed that firms whose booths they visit may see who they are (off by default). */
  @Column({ type: 'boolean', width: 1, default: false })
  shareWithExhibitors: boolean;

  /** Set when the person deleted the account: its personal data is gone and its tokens no longer work. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  deletedAt: Date | null;
}

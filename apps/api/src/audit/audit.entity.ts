import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CompanyEntity } from '../companies/company.entity';

/** Something a promoter or organiser did for a firm: who did what, for whom, when. */
@Entity('audit_entries')
@Index(['companyId', 'at'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The firm acted for: its members read the entry. */
  @ForeignKey(() => CompanyEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  companyId: string;

  @Column({ type: 'varchar', length: 36 })
  actorUserId: string;

  @Column({ type: 'varchar', length: 100 })
  actorName: string;

  /** e.g. `meeting_request.create`, `meeting.book`. */
  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  eventId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  subjectId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  details: Record<string, string> | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}

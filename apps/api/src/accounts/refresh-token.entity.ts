import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One refresh token of a session (sessions.service.ts). Only the SHA-256 of the token is kept: a
 * copy of this table signs nobody in. Each refresh marks its token used and issues the next one
 * in the same family (one family per sign-in); a used token presented again revokes the family.
 */
@Entity('refresh_tokens')
@Unique('uq_refresh_tokens_hash', ['tokenHash'])
@Index(['familyId'])
@Index(['userId'])
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The sign-in this token descends from; revoked as a whole. */
  @Column({ type: 'varchar', length: 36 })
  familyId: string;

  /** Deleting the account deletes its sessions. */
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** Hex SHA-256 of the token (256 random bits: no salt or slow hash needed). */
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** When it was exchanged for its successor (set once, by a conditional update). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  /** When its family was revoked (logout, reuse, logout everywhere). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** The token issued in exchange for this one. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  replacedById: string | null;

  /** What signed in (the browser's User-Agent, cut to 255 characters), to tell sessions apart. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}

import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import type { UploadContentType } from '@ilr/shared';

/** An uploaded file that passed the checks; its bytes are in the file storage under `storageKey`. */
@Entity('files')
@Unique('uq_files_storage_key', ['storageKey'])
@Index(['ownerId', 'createdAt'])
export class FileEntity {
  /** A random UUID: the file's URL is readable by anyone who has it. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Who uploaded it (null once their account is gone; the file stays where it is used). */
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ type: 'varchar', length: 36, nullable: true })
  ownerId: string | null;

  /** Judged by the content, never by the name or the declared type. */
  @Column({ type: 'varchar', length: 32 })
  contentType: UploadContentType;

  /** Bytes as stored (an image after re-encoding). */
  @Column({ type: 'int' })
  size: number;

  /** Hex SHA-256 of the stored bytes; the ETag. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  /** The WebP thumbnail of an image; null for PDFs. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  thumbKey: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}

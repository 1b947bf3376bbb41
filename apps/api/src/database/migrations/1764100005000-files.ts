import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, integer, ref, varchar } from './columns';

/**
 * Uploaded files (the exhibition's product images and brochures): the bytes live in the file
 * storage (local disk or S3) under `storage_key`; a row exists only for content that passed the
 * checks. The uploader may go, the file stays (booths still show it): SET NULL.
 */
export class Files1764100005000 implements MigrationInterface {
  name = 'Files1764100005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'files',
        columns: [
          id(),
          ref('owner_id', true),
          varchar('content_type', 32),
          integer('size'),
          varchar('sha256', 64),
          varchar('storage_key', 200),
          varchar('thumb_key', 200, true),
          instant('created_at'),
        ],
        uniques: [{ name: 'uq_files_storage_key', columnNames: ['storage_key'] }],
        indices: [{ columnNames: ['owner_id', 'created_at'] }],
        foreignKeys: [
          {
            columnNames: ['owner_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('files');
  }
}

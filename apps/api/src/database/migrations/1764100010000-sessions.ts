import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, ref, varchar } from './columns';

/**
 * Sessions: rotating refresh tokens (accounts/sessions.service.ts), kept only as SHA-256 hashes,
 * one family per sign-in. An account's deletion takes its sessions with it: CASCADE.
 */
export class Sessions1764100010000 implements MigrationInterface {
  name = 'Sessions1764100010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          id(),
          ref('family_id'),
          ref('user_id'),
          varchar('token_hash', 64),
          instant('created_at'),
          instant('expires_at'),
          instant('used_at', true),
          instant('revoked_at', true),
          ref('replaced_by_id', true),
          varchar('user_agent', 255, true),
          varchar('ip', 64, true),
        ],
        uniques: [{ name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'] }],
        indices: [{ columnNames: ['family_id'] }, { columnNames: ['user_id'] }],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens');
  }
}

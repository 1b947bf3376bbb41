import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, ref, text, varchar } from './columns';

export class Events1764100001000 implements MigrationInterface {
  name = 'Events1764100001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'events',
        columns: [
          id(),
          varchar('kind', 16),
          text('title'),
          text('description', true),
          instant('starts_at'),
          instant('ends_at'),
          varchar('time_zone', 64),
          varchar('venue', 300, true),
          varchar('format', 16),
          varchar('status', 16),
          ref('created_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [{ columnNames: ['status', 'starts_at'] }, { columnNames: ['starts_at'] }],
        foreignKeys: [{ columnNames: ['created_by_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'event_sessions',
        columns: [
          id(),
          ref('event_id'),
          text('title'),
          text('description', true),
          varchar('kind', 16),
          instant('starts_at'),
          instant('ends_at'),
          text('speaker_user_ids'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [{ columnNames: ['event_id', 'starts_at'] }],
        foreignKeys: [
          {
            columnNames: ['event_id'],
            referencedTableName: 'events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'registrations',
        columns: [
          id(),
          ref('event_id'),
          ref('user_id'),
          varchar('badge_code', 32),
          instant('created_at'),
          instant('checked_in_at', true),
          ref('checked_in_by_id', true),
        ],
        uniques: [
          { name: 'uq_registrations_event_user', columnNames: ['event_id', 'user_id'] },
          { name: 'uq_registrations_badge', columnNames: ['badge_code'] },
        ],
        indices: [{ columnNames: ['user_id'] }],
        foreignKeys: [
          {
            columnNames: ['event_id'],
            referencedTableName: 'events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
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
    await queryRunner.dropTable('registrations');
    await queryRunner.dropTable('event_sessions');
    await queryRunner.dropTable('events');
  }
}

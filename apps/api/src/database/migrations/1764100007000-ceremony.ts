import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, integer, ref, text, varchar } from './columns';

/**
 * The signing ceremony: the project catalogue, exchange rates with their history, agreements on
 * an event's run-of-show, and each event's tally version. Amounts are decimal strings (exact on
 * both databases).
 */
export class Ceremony1764100007000 implements MigrationInterface {
  name = 'Ceremony1764100007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'projects',
        columns: [
          id(),
          text('title'),
          text('description', true),
          varchar('sector', 64),
          varchar('location', 300, true),
          varchar('amount', 40),
          varchar('currency', 3),
          varchar('status', 16),
          ref('owner_user_id', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [{ columnNames: ['status', 'sector'] }],
        foreignKeys: [
          {
            columnNames: ['owner_user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'exchange_rates',
        columns: [
          { ...varchar('currency', 3), isPrimary: true },
          { ...varchar('as_of', 10), isPrimary: true },
          varchar('usd_per_unit', 40),
          ref('entered_by_id'),
          instant('entered_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agreements',
        columns: [
          id(),
          ref('event_id'),
          text('title'),
          ref('project_id', true),
          varchar('sector', 64, true),
          text('party_company_ids'),
          varchar('amount', 40),
          varchar('currency', 3),
          varchar('mode', 8),
          varchar('status', 8),
          integer('position'),
          ref('deal_id', true),
          ref('created_by_id'),
          instant('created_at'),
          instant('signed_at', true),
          ref('signed_by_user_id', true),
        ],
        indices: [
          { columnNames: ['event_id', 'position'] },
          { columnNames: ['project_id'] },
          { columnNames: ['deal_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['event_id'],
            referencedTableName: 'events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ceremony_tallies',
        columns: [{ ...ref('event_id'), isPrimary: true }, integer('version')],
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ceremony_tallies');
    await queryRunner.dropTable('agreements');
    await queryRunner.dropTable('exchange_rates');
    await queryRunner.dropTable('projects');
  }
}

import { MigrationInterface, QueryRunner, Table, TableColumn, type TableForeignKeyOptions } from 'typeorm';
import { id, instant, ref, text, varchar } from './columns';

const cascade = (column: string, table: string): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * The exhibition: each firm's booth at an event, visits (one per person per day, by key), leads
 * scanned at the booth (one per visitor, by key), and the person's consent to be seen by the
 * firms whose booths they visit.
 */
export class Exhibition1764100006000 implements MigrationInterface {
  name = 'Exhibition1764100006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'share_with_exhibitors', type: 'boolean', isNullable: false, default: 0 }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booths',
        columns: [
          { ...ref('event_id'), isPrimary: true },
          { ...ref('company_id'), isPrimary: true },
          text('headline'),
          text('description', true),
          text('products'),
          text('brochure_ids'),
          ref('logo_id', true),
          varchar('video_url', 2048, true),
          text('search_text'),
          ref('updated_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [{ columnNames: ['company_id'] }],
        foreignKeys: [cascade('event_id', 'events'), cascade('company_id', 'companies')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booth_visits',
        columns: [
          { ...ref('event_id'), isPrimary: true },
          { ...ref('company_id'), isPrimary: true },
          { ...ref('user_id'), isPrimary: true },
          // The visit's day on the event's clock: a person counts once per day.
          { ...varchar('day', 10), isPrimary: true },
          instant('at'),
        ],
        indices: [{ columnNames: ['event_id', 'company_id', 'day'] }],
        foreignKeys: [cascade('event_id', 'events'), cascade('company_id', 'companies'), cascade('user_id', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booth_leads',
        columns: [id(), ref('event_id'), ref('company_id'), ref('visitor_id'), ref('scanned_by_id'), instant('at')],
        uniques: [{ name: 'uq_booth_leads_visitor', columnNames: ['event_id', 'company_id', 'visitor_id'] }],
        foreignKeys: [
          cascade('event_id', 'events'),
          cascade('company_id', 'companies'),
          cascade('visitor_id', 'users'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('booth_leads');
    await queryRunner.dropTable('booth_visits');
    await queryRunner.dropTable('booths');
    await queryRunner.dropColumn('users', 'share_with_exhibitors');
  }
}

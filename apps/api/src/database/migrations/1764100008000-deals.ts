import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type TableForeignKeyOptions,
} from 'typeorm';
import { id, instant, integer, ref, text, varchar } from './columns';

const cascade = (column: string, table: string): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});
const setNull = (column: string, table: string): TableForeignKeyOptions => ({
  ...cascade(column, table),
  onDelete: 'SET NULL',
});

/**
 * Deals and one-to-one signing meetings: the deal pipeline with its stage history, signing
 * meetings with each firm's confirmation of the terms, and `party_time`, one row per party and
 * quarter hour a signing meeting holds (its primary key makes two overlapping signing meetings of
 * one firm or witness impossible). A signing meeting also holds its firms' places in the same
 * event's matchmaking slots it overlaps, so `meeting_occupancy` rows now belong to a meeting or to
 * a signing meeting.
 */
export class Deals1764100008000 implements MigrationInterface {
  name = 'Deals1764100008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'deals',
        columns: [
          id(),
          text('title'),
          ref('company_a_id'),
          ref('company_b_id'),
          ref('project_id', true),
          ref('meeting_id', true),
          varchar('investment_amount', 32, true),
          varchar('investment_currency', 3, true),
          varchar('stage', 16),
          ref('owner_user_id', true),
          ref('created_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        uniques: [{ name: 'uq_deals_meeting', columnNames: ['meeting_id'] }],
        indices: [{ columnNames: ['company_a_id'] }, { columnNames: ['company_b_id'] }, { columnNames: ['stage'] }],
        foreignKeys: [
          cascade('company_a_id', 'companies'),
          cascade('company_b_id', 'companies'),
          setNull('meeting_id', 'meetings'),
          setNull('owner_user_id', 'users'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'deal_history',
        columns: [
          id(),
          ref('deal_id'),
          integer('position'),
          varchar('stage', 16),
          instant('at'),
          ref('by_user_id'),
          text('note', true),
        ],
        uniques: [{ name: 'uq_deal_history_position', columnNames: ['deal_id', 'position'] }],
        foreignKeys: [cascade('deal_id', 'deals')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'signing_meetings',
        columns: [
          id(),
          ref('event_id'),
          ref('deal_id'),
          ref('agreement_id'),
          ref('company_a_id'),
          ref('company_b_id'),
          ref('witness_user_id'),
          instant('starts_at'),
          instant('ends_at'),
          varchar('mode', 16),
          varchar('status', 16),
          ref('active_deal', true),
          ref('created_by_id'),
          instant('created_at'),
          instant('updated_at'),
          instant('cancelled_at', true),
          instant('signed_at', true),
        ],
        uniques: [{ name: 'uq_signing_meetings_active_deal', columnNames: ['active_deal'] }],
        indices: [{ columnNames: ['event_id', 'starts_at'] }, { columnNames: ['agreement_id'] }],
        foreignKeys: [cascade('event_id', 'events'), cascade('deal_id', 'deals')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'party_time',
        columns: [
          { ...ref('party_id'), isPrimary: true },
          { ...instant('cell_start'), isPrimary: true },
          ref('signing_meeting_id'),
        ],
        indices: [{ columnNames: ['signing_meeting_id'] }],
        foreignKeys: [cascade('signing_meeting_id', 'signing_meetings')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'signing_confirmations',
        columns: [
          { ...ref('signing_meeting_id'), isPrimary: true },
          { ...ref('company_id'), isPrimary: true },
          ref('user_id'),
          varchar('terms_sha256', 64),
          instant('at'),
        ],
        foreignKeys: [cascade('signing_meeting_id', 'signing_meetings')],
      }),
    );
    // A place in a matchmaking slot is held by a meeting or by a signing meeting.
    await queryRunner.changeColumn('meeting_occupancy', 'meeting_id', new TableColumn(ref('meeting_id', true)));
    await queryRunner.addColumn('meeting_occupancy', new TableColumn(ref('signing_meeting_id', true)));
    await queryRunner.createIndex('meeting_occupancy', new TableIndex({ columnNames: ['signing_meeting_id'] }));
    await queryRunner.createForeignKey(
      'meeting_occupancy',
      new TableForeignKey(cascade('signing_meeting_id', 'signing_meetings')),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM meeting_occupancy WHERE meeting_id IS NULL');
    const occupancy = (await queryRunner.getTable('meeting_occupancy'))!;
    const fk = occupancy.foreignKeys.find((k) => k.columnNames[0] === 'signing_meeting_id');
    if (fk) await queryRunner.dropForeignKey(occupancy, fk);
    const index = occupancy.indices.find((i) => i.columnNames[0] === 'signing_meeting_id');
    if (index) await queryRunner.dropIndex(occupancy, index);
    await queryRunner.dropColumn('meeting_occupancy', 'signing_meeting_id');
    await queryRunner.changeColumn('meeting_occupancy', 'meeting_id', new TableColumn(ref('meeting_id')));
    for (const table of ['signing_confirmations', 'party_time', 'signing_meetings', 'deal_history', 'deals']) {
      await queryRunner.dropTable(table);
    }
  }
}

import { MigrationInterface, QueryRunner, Table, TableColumn, type TableForeignKeyOptions } from 'typeorm';
import { id, instant, integer, ref, text, varchar } from './columns';

const cascade = (column: string, table: string): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});
const tagList = (name: string) =>
  new TableColumn({ name, type: 'varchar', length: '1000', isNullable: false, default: "'[]'" });

/**
 * Matchmaking: slots, tables, participation, requests, meetings with their occupancy rows (the
 * unique keys that make double booking impossible), each side's check-in and feedback; the
 * notification inbox, the audit trail of actions taken for a firm, stored idempotency keys, and
 * the offer/need tags of companies.
 */
export class Matchmaking1764100004000 implements MigrationInterface {
  name = 'Matchmaking1764100004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('companies', [tagList('offer_tags'), tagList('need_tags')]);
    await queryRunner.createTable(
      new Table({
        name: 'mm_slots',
        columns: [id(), ref('event_id'), instant('starts_at'), instant('ends_at')],
        uniques: [{ name: 'uq_mm_slots_event_start', columnNames: ['event_id', 'starts_at'] }],
        foreignKeys: [cascade('event_id', 'events')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mm_tables',
        columns: [id(), ref('event_id'), varchar('label', 64), varchar('kind', 16), integer('position')],
        uniques: [{ name: 'uq_mm_tables_event_label', columnNames: ['event_id', 'label'] }],
        foreignKeys: [cascade('event_id', 'events')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'mm_participants',
        columns: [
          { ...ref('event_id'), isPrimary: true },
          { ...ref('company_id'), isPrimary: true },
          varchar('attendance', 16),
          text('available_slot_ids'),
          instant('updated_at'),
        ],
        indices: [{ columnNames: ['company_id'] }],
        foreignKeys: [cascade('event_id', 'events'), cascade('company_id', 'companies')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meeting_requests',
        columns: [
          id(),
          ref('event_id'),
          ref('from_company_id'),
          ref('to_company_id'),
          text('message', true),
          varchar('status', 16),
          // `<eventId>:<lower company id>:<higher company id>` while pending or accepted, else null:
          // one open request per pair and event, in either direction, whatever the concurrency.
          varchar('open_pair', 120, true),
          ref('created_by_id'),
          ref('responded_by_id', true),
          instant('expires_at'),
          instant('responded_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        uniques: [{ name: 'uq_meeting_requests_open_pair', columnNames: ['open_pair'] }],
        indices: [
          { columnNames: ['event_id', 'status'] },
          { columnNames: ['from_company_id'] },
          { columnNames: ['to_company_id'] },
          { columnNames: ['status', 'expires_at'] },
        ],
        foreignKeys: [
          cascade('event_id', 'events'),
          cascade('from_company_id', 'companies'),
          cascade('to_company_id', 'companies'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meetings',
        columns: [
          id(),
          ref('event_id'),
          ref('request_id'),
          ref('slot_id'),
          ref('table_id', true),
          ref('company_a_id'),
          ref('company_b_id'),
          instant('starts_at'),
          instant('ends_at'),
          varchar('status', 16),
          // The request id while the meeting is scheduled, else null: a request is booked at most once.
          ref('booked_request', true),
          varchar('source', 16),
          integer('sequence'),
          ref('created_by_id', true),
          instant('created_at'),
          instant('updated_at'),
          instant('cancelled_at', true),
          instant('reminded_at', true),
        ],
        uniques: [{ name: 'uq_meetings_booked_request', columnNames: ['booked_request'] }],
        indices: [
          { columnNames: ['event_id', 'status'] },
          { columnNames: ['company_a_id'] },
          { columnNames: ['company_b_id'] },
          { columnNames: ['status', 'starts_at'] },
          { columnNames: ['request_id'] },
        ],
        foreignKeys: [cascade('event_id', 'events'), cascade('request_id', 'meeting_requests')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        // One row per (slot, company) and per (slot, table) of a scheduled meeting: the primary key
        // is the invariant "nobody and no table holds two meetings in one slot".
        name: 'meeting_occupancy',
        columns: [{ ...ref('slot_id'), isPrimary: true }, { ...ref('holder_id'), isPrimary: true }, ref('meeting_id')],
        indices: [{ columnNames: ['meeting_id'] }],
        foreignKeys: [cascade('slot_id', 'mm_slots'), cascade('meeting_id', 'meetings')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meeting_sides',
        columns: [
          { ...ref('meeting_id'), isPrimary: true },
          { ...ref('company_id'), isPrimary: true },
          instant('checked_in_at', true),
          { name: 'no_show', type: 'boolean', isNullable: false },
          integer('rating', true),
          varchar('outcome', 16, true),
          text('note', true),
          ref('feedback_by_id', true),
          instant('feedback_at', true),
        ],
        foreignKeys: [cascade('meeting_id', 'meetings')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          id(),
          ref('user_id'),
          varchar('kind', 32),
          text('params'),
          instant('created_at'),
          instant('read_at', true),
        ],
        indices: [{ columnNames: ['user_id', 'created_at'] }],
        foreignKeys: [cascade('user_id', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          id(),
          ref('company_id'),
          ref('actor_user_id'),
          varchar('actor_name', 100),
          varchar('action', 48),
          ref('event_id', true),
          ref('subject_id', true),
          text('details', true),
          instant('at'),
        ],
        indices: [{ columnNames: ['company_id', 'at'] }],
        foreignKeys: [cascade('company_id', 'companies')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { ...ref('user_id'), isPrimary: true },
          { ...varchar('scope', 300), isPrimary: true },
          { ...varchar('idem_key', 255), isPrimary: true },
          varchar('body_hash', 64),
          integer('status_code', true),
          text('response', true),
          instant('created_at'),
        ],
        indices: [{ columnNames: ['created_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'audit_entries',
      'notifications',
      'meeting_sides',
      'meeting_occupancy',
      'meetings',
      'meeting_requests',
      'mm_participants',
      'mm_tables',
      'mm_slots',
    ])
      await queryRunner.dropTable(table);
    await queryRunner.dropColumn('companies', 'need_tags');
    await queryRunner.dropColumn('companies', 'offer_tags');
  }
}

import { MigrationInterface, QueryRunner, Table, type TableForeignKeyOptions } from 'typeorm';
import { id, instant, ref, text, varchar } from './columns';

const toSession = (column = 'session_id'): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: 'event_sessions',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});
const toUser = (column = 'user_id'): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: 'users',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

export class Live1764100002000 implements MigrationInterface {
  name = 'Live1764100002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Hands, stage promotions and removals: at most one per user and session.
    for (const [name, by, at] of [
      ['live_hands', null, 'raised_at'],
      ['live_speakers', 'promoted_by_id', 'promoted_at'],
      ['live_removals', 'removed_by_id', 'removed_at'],
    ] as const) {
      await queryRunner.createTable(
        new Table({
          name,
          columns: [id(), ref('session_id'), ref('user_id'), ...(by ? [ref(by)] : []), instant(at)],
          uniques: [{ name: `uq_${name}_session_user`, columnNames: ['session_id', 'user_id'] }],
          indices: [{ columnNames: ['user_id'] }],
          foreignKeys: [toSession(), toUser()],
        }),
      );
    }
    await queryRunner.createTable(
      new Table({
        name: 'live_recordings',
        columns: [
          id(),
          ref('session_id'),
          varchar('egress_id', 64, true),
          ref('active_session_id', true),
          varchar('status', 16),
          ref('started_by_id'),
          instant('started_at'),
          instant('ended_at', true),
          text('file', true),
          text('error', true),
          instant('updated_at'),
        ],
        uniques: [
          { name: 'uq_live_recordings_egress', columnNames: ['egress_id'] },
          // NULLs never collide, so this allows any number of finished recordings but one running one.
          { name: 'uq_live_recordings_active_session', columnNames: ['active_session_id'] },
        ],
        indices: [{ columnNames: ['session_id', 'started_at'] }],
        foreignKeys: [toSession()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'live_attendance',
        columns: [
          id(),
          ref('session_id'),
          ref('user_id'),
          varchar('participant_sid', 64),
          instant('joined_at'),
          instant('left_at', true),
        ],
        uniques: [{ name: 'uq_live_attendance_session_sid', columnNames: ['session_id', 'participant_sid'] }],
        indices: [{ columnNames: ['session_id', 'user_id'] }, { columnNames: ['user_id'] }],
        foreignKeys: [toSession(), toUser()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'live_webhook_events',
        columns: [{ ...varchar('event_id', 128), isPrimary: true }, varchar('event', 64), instant('received_at')],
        indices: [{ columnNames: ['received_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'live_webhook_events',
      'live_attendance',
      'live_recordings',
      'live_removals',
      'live_speakers',
      'live_hands',
    ]) {
      await queryRunner.dropTable(name);
    }
  }
}

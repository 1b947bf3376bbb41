import { MigrationInterface, QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { id, instant, integer, ref, text, varchar } from './columns';

const room = (): TableColumnOptions => varchar('room', 64);
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false });

/**
 * Live rooms: chat, Q&A, polls, mutes. Votes have no foreign key to what they vote on on purpose:
 * a vote transaction inserts the vote first and then updates the counted row, and on MySQL a
 * foreign key would make that insert share-lock the parent row, so two voters would deadlock.
 */
export class Realtime1764100003000 implements MigrationInterface {
  name = 'Realtime1764100003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({ name: 'room_counters', columns: [{ ...room(), isPrimary: true }, integer('seq')] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'room_messages',
        columns: [
          id(),
          room(),
          integer('seq'),
          ref('author_id'),
          varchar('author_name', 100),
          varchar('client_msg_id', 64),
          text('text'),
          instant('sent_at'),
          instant('deleted_at', true),
          ref('deleted_by_id', true),
        ],
        uniques: [
          { name: 'uq_room_messages_room_seq', columnNames: ['room', 'seq'] },
          { name: 'uq_room_messages_client_msg', columnNames: ['room', 'author_id', 'client_msg_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'room_questions',
        columns: [
          id(),
          room(),
          ref('author_id'),
          varchar('author_name', 100),
          varchar('client_msg_id', 64),
          text('text'),
          integer('votes'),
          flag('answered'),
          flag('pinned'),
          integer('version'),
          instant('created_at'),
        ],
        uniques: [{ name: 'uq_room_questions_client_msg', columnNames: ['room', 'author_id', 'client_msg_id'] }],
        indices: [{ columnNames: ['room', 'created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'room_question_votes',
        columns: [
          { ...ref('question_id'), isPrimary: true },
          { ...ref('user_id'), isPrimary: true },
          instant('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'room_polls',
        columns: [
          id(),
          room(),
          text('question'),
          text('options'),
          ref('created_by_id'),
          instant('created_at'),
          instant('closed_at', true),
          integer('version'),
        ],
        indices: [{ columnNames: ['room', 'created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'room_poll_votes',
        columns: [
          { ...ref('poll_id'), isPrimary: true },
          { ...ref('user_id'), isPrimary: true },
          integer('option_index'),
          instant('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'room_mutes',
        columns: [
          { ...room(), isPrimary: true },
          { ...ref('user_id'), isPrimary: true },
          instant('until', true),
          ref('created_by_id'),
          instant('created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'room_mutes',
      'room_poll_votes',
      'room_polls',
      'room_question_votes',
      'room_questions',
      'room_messages',
      'room_counters',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

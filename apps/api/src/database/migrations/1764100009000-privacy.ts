import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { id, instant, ref, text, varchar } from './columns';

/**
 * Personal data under the person's control: `consents` keeps every acceptance of the privacy
 * policy (version, scopes, when, from which address and browser), and `users.deleted_at` marks an
 * account its owner deleted (its personal data erased, its id kept so that meetings, deals and
 * agreements keep an anonymous party).
 */
export class Privacy1764100009000 implements MigrationInterface {
  name = 'Privacy1764100009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn(instant('deleted_at', true)));
    await queryRunner.createTable(
      new Table({
        name: 'consents',
        columns: [
          id(),
          ref('user_id'),
          varchar('policy_version', 32),
          text('scopes'),
          instant('accepted_at'),
          varchar('ip', 64, true),
          varchar('user_agent', 255, true),
        ],
        indices: [{ columnNames: ['user_id', 'accepted_at'] }],
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
    await queryRunner.dropTable('consents');
    await queryRunner.dropColumn('users', 'deleted_at');
  }
}

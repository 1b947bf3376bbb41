import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, ref, text, varchar } from './columns';

export class AccountsAndCompanies1764100000000 implements MigrationInterface {
  name = 'AccountsAndCompanies1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'mysql') {
      // Korean, Chinese and emoji need 4-byte UTF-8; new tables inherit the database default.
      await queryRunner.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    }
    await queryRunner.createTable(
      new Table({
        name: 'companies',
        columns: [
          id(),
          text('name'),
          varchar('country', 2),
          varchar('sector', 64),
          text('offers'),
          text('needs'),
          text('description', true),
          varchar('website', 2048, true),
          text('search_text'),
          ref('created_by_id', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [{ columnNames: ['country'] }, { columnNames: ['sector'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          varchar('email', 254),
          varchar('password_hash', 255),
          varchar('display_name', 100),
          varchar('role', 16),
          varchar('locale', 8),
          varchar('time_zone', 64),
          ref('company_id', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        uniques: [{ name: 'uq_users_email', columnNames: ['email'] }],
        indices: [{ columnNames: ['company_id'] }],
        foreignKeys: [
          {
            columnNames: ['company_id'],
            referencedTableName: 'companies',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('users');
    await queryRunner.dropTable('companies');
  }
}

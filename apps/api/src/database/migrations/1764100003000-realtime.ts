import { MigrationInterface, QueryRunner } from 'typeorm';

export class Realtime1764100003000 implements MigrationInterface {
  name = 'Realtime1764100003000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}

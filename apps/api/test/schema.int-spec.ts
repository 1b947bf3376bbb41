/**
 * Every table the migrations create (but their own) belongs to an entity that a feature module
 * registered (TypeOrmModule.forFeature), and every registered entity has its table. Runs on
 * SQLite and MySQL. (Column-by-column equality with the entities is not checked yet: the
 * migrations declare foreign keys and named indexes the entities do not describe.)
 */
import { DatabaseService } from '../src/database/database.service';
import { startApp, type TestApp } from './harness';

describe('database schema', () => {
  let t: TestApp;
  let db: DatabaseService;
  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DatabaseService);
  });
  afterAll(() => t.close());

  it('has an entity, registered by its feature module, for every table', async () => {
    const rows: { name: string }[] = db.isMysql
      ? await db.dataSource.query(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
        )
      : await db.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'");
    const tables = rows.map((r) => r.name).filter((name) => name !== 'migrations' && !name.startsWith('sqlite_'));
    const entityTables = db.dataSource.entityMetadatas.map((meta) => meta.tableName);
    expect(tables.sort()).toEqual([...entityTables].sort());
  });
});

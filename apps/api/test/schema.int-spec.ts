/**
 * The migrations produce exactly the schema the entities describe, on SQLite and MySQL. The app's
 * database (built by the migrations, as in production) is compared with an empty database that
 * TypeORM synchronises from the same registered entities, table by table: the columns (name,
 * type with length, nullability, default), the primary key, the unique and plain indexes (name,
 * columns in order) and the foreign keys (name, columns, referenced table and columns, ON DELETE,
 * ON UPDATE), read from each database's catalogue. Every table the migrations create (but their
 * own) belongs to an entity that a feature module registered (TypeOrmModule.forFeature), and
 * every registered entity has its table.
 *
 * So a column, length, nullability, index or foreign key changed on one side only (an entity
 * without its migration, or the reverse) fails here; the diff names the table and the line.
 * TypeORM's own diff (`createSchemaBuilder().log()`) is not used: for this exactly-matching schema
 * it is not empty (SQLite: the migrations' `int` against its `integer`; MariaDB: the default of
 * nullable columns, RESTRICT against NO ACTION), and it ignores index column order and the
 * referenced columns of foreign keys.
 */
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { DatabaseService } from '../src/database/database.service';
import { freshDatabase, startApp, type TestApp } from './harness';

/** One table as the database describes it, each part as sorted lines that read like DDL. */
interface TableShape {
  columns: string[];
  primaryKey: string[];
  indexes: string[];
  foreignKeys: string[];
}

type Catalogue = Record<string, TableShape>;

/** The table the migrations keep their own bookkeeping in; no entity describes it. */
const MIGRATIONS_TABLE = 'migrations';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

const columnLine = (name: string, type: string, notNull: boolean, defaultValue: string | null) =>
  `${name} ${type}${notNull ? ' NOT NULL' : ''}${defaultValue === null ? '' : ` DEFAULT ${defaultValue}`}`;

async function mysqlCatalogue(ds: DataSource): Promise<Catalogue> {
  const columns: { tbl: string; name: string; type: string; nullable: string; dflt: string | null }[] = await ds.query(
    `SELECT TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
  );
  const indexColumns: { tbl: string; name: string; nonUnique: string | number; col: string }[] = await ds.query(
    `SELECT TABLE_NAME AS tbl, INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY SEQ_IN_INDEX`,
  );
  const keyColumns: {
    tbl: string;
    name: string;
    col: string;
    refTable: string;
    refCol: string;
    onDelete: string;
    onUpdate: string;
  }[] = await ds.query(
    `SELECT k.TABLE_NAME AS tbl, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS col,
            k.REFERENCED_TABLE_NAME AS refTable, k.REFERENCED_COLUMN_NAME AS refCol,
            r.DELETE_RULE AS onDelete, r.UPDATE_RULE AS onUpdate
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME
        AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
      WHERE k.TABLE_SCHEMA = DATABASE() ORDER BY k.ORDINAL_POSITION`,
  );
  // InnoDB has no deferred checks, so NO ACTION is RESTRICT; the catalogue says RESTRICT for an
  // action a migration left out and NO ACTION where TypeORM spells it out.
  const action = (rule: string) => (rule === 'RESTRICT' ? 'NO ACTION' : rule);

  const catalogue: Catalogue = {};
  for (const [table, rows] of groupBy(columns, (c) => c.tbl)) {
    if (table === MIGRATIONS_TABLE) continue;
    const indexes = groupBy(
      indexColumns.filter((i) => i.tbl === table),
      (i) => i.name,
    );
    const foreignKeys = groupBy(
      keyColumns.filter((k) => k.tbl === table),
      (k) => k.name,
    );
    catalogue[table] = {
      columns: rows.map((c) => columnLine(c.name, c.type, c.nullable === 'NO', c.dflt)).sort(),
      primaryKey: (indexes.get('PRIMARY') ?? []).map((i) => i.col),
      indexes: [...indexes]
        .filter(([name]) => name !== 'PRIMARY')
        .map(([name, cols]) => {
          const unique = Number(cols[0].nonUnique) === 0 ? 'UNIQUE ' : '';
          return `${unique}${name} (${cols.map((i) => i.col).join(', ')})`;
        })
        .sort(),
      foreignKeys: [...foreignKeys]
        .map(([name, cols]) => {
          const [{ refTable, onDelete, onUpdate }] = cols;
          return (
            `${name} (${cols.map((k) => k.col).join(', ')}) REFERENCES ${refTable} ` +
            `(${cols.map((k) => k.refCol).join(', ')}) ON DELETE ${action(onDelete)} ON UPDATE ${action(onUpdate)}`
          );
        })
        .sort(),
    };
  }
  return catalogue;
}

async function sqliteCatalogue(ds: DataSource): Promise<Catalogue> {
  const tables: { name: string }[] = await ds.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?",
    [MIGRATIONS_TABLE],
  );
  const catalogue: Catalogue = {};
  for (const { name: table } of tables) {
    const columns: { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[] =
      await ds.query('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)', [table]);
    const indexList: { name: string; unique: number; origin: string }[] = await ds.query(
      'SELECT name, "unique", origin FROM pragma_index_list(?)',
      [table],
    );
    const indexes: string[] = [];
    // The primary key's own index is described by `primaryKey`.
    for (const index of indexList.filter((i) => i.origin !== 'pk')) {
      const cols: { name: string }[] = await ds.query('SELECT name FROM pragma_index_info(?) ORDER BY seqno', [
        index.name,
      ]);
      // A UNIQUE constraint's index is called sqlite_autoindex_<table>_<its position in CREATE
      // TABLE>; the constraint's own name lives only in the DDL (MySQL compares those names).
      const name = index.origin === 'u' ? 'constraint' : index.name;
      indexes.push(`${index.unique ? 'UNIQUE ' : ''}${name} (${cols.map((c) => c.name).join(', ')})`);
    }
    const keyColumns: { id: number; table: string; from: string; to: string; on_delete: string; on_update: string }[] =
      await ds.query(
        'SELECT id, "table", "from", "to", on_delete, on_update FROM pragma_foreign_key_list(?) ORDER BY id, seq',
        [table],
      );
    catalogue[table] = {
      // INT (the migrations' `int`) and INTEGER (TypeORM's spelling of an entity's int) are the
      // same SQLite type, except in a primary key (INTEGER PRIMARY KEY is the rowid): key columns
      // keep their spelling.
      columns: columns
        .map((c) =>
          columnLine(c.name, c.type === 'INT' && c.pk === 0 ? 'INTEGER' : c.type, c.notnull === 1, c.dflt_value),
        )
        .sort(),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes: indexes.sort(),
      // SQLite keeps no foreign key names outside the DDL (MySQL compares them).
      foreignKeys: [...groupBy(keyColumns, (k) => String(k.id)).values()]
        .map((cols) => {
          const [{ table: refTable, on_delete, on_update }] = cols;
          return (
            `(${cols.map((k) => k.from).join(', ')}) REFERENCES ${refTable} ` +
            `(${cols.map((k) => k.to).join(', ')}) ON DELETE ${on_delete} ON UPDATE ${on_update}`
          );
        })
        .sort(),
    };
  }
  return catalogue;
}

const catalogueOf = (ds: DataSource) => (ds.options.type === 'mysql' ? mysqlCatalogue(ds) : sqliteCatalogue(ds));

describe('database schema', () => {
  let t: TestApp;
  let db: DatabaseService;
  let built: { url: string; drop: () => Promise<void> };
  let migrated: Catalogue;
  let fromEntities: Catalogue;
  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DatabaseService);
    migrated = await catalogueOf(db.dataSource);

    built = await freshDatabase();
    const synchronised = await new DataSource({
      ...dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: built.url }).database),
      entities: db.dataSource.options.entities,
      namingStrategy: db.dataSource.options.namingStrategy,
      synchronize: true,
    }).initialize();
    try {
      fromEntities = await catalogueOf(synchronised);
    } finally {
      await synchronised.destroy();
    }
  });
  afterAll(async () => {
    await t.close();
    await built.drop();
  });

  it('has an entity, registered by its feature module, for every table', () => {
    const entityTables = db.dataSource.entityMetadatas.map((meta) => meta.tableName);
    expect(Object.keys(migrated).sort()).toEqual([...entityTables].sort());
  });

  it('has, after the migrations, exactly the tables, columns, keys and indexes the entities describe', () => {
    expect(migrated).toEqual(fromEntities);
  });
});

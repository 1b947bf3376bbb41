/**
 * Applies pending migrations so that several nodes may start at once on one database: on MySQL the
 * run holds a named lock (GET_LOCK, per database) and a node that waited finds nothing left to do.
 * On SQLite, nodes of one process (tests start two apps on one file) queue behind each other; a
 * SQLite deployment is one process.
 */
import type { DataSource, Migration } from 'typeorm';

const sqliteRuns = new Map<string, Promise<unknown>>();

/** The named lock, per database (MySQL lock names are at most 64 characters). */
const LOCK_NAME = "LEFT(CONCAT('ilr_migrations.', DATABASE()), 64)";

export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const run = () => dataSource.runMigrations({ transaction: 'each' });
  if (dataSource.options.type === 'better-sqlite3') {
    const file = String(dataSource.options.database);
    const mine = (sqliteRuns.get(file) ?? Promise.resolve()).then(run);
    sqliteRuns.set(
      file,
      mine.catch(() => undefined),
    );
    return mine;
  }
  if (dataSource.options.type !== 'mysql') return run();
  // A named lock belongs to one connection: hold it on a connection of our own while the
  // migrations run on others from the pool.
  const runner = dataSource.createQueryRunner();
  try {
    const [row] = (await runner.query(`SELECT GET_LOCK(${LOCK_NAME}, 60) AS got`)) as { got: number | string | null }[];
    if (Number(row?.got) !== 1) throw new Error('another node held the migration lock for 60 s');
    try {
      return await run();
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(${LOCK_NAME})`);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Transactions and reads for both drivers; every write goes through `transaction()`.
 *
 * MySQL runs transactions concurrently under the database's own locks and unique keys; a
 * transaction that loses a deadlock (or a lock wait) is rolled back whole and run again here, for
 * every write, so no caller chooses.
 *
 * better-sqlite3 gives TypeORM one connection, so two interleaved transactions would nest into each
 * other: on SQLite every write transaction is queued behind the previous one. Reads outside a
 * transaction (`manager`) go to a second, read-only connection (WAL journal), so they only ever
 * see committed data, never another request's open transaction, and a write outside
 * `transaction()` fails instead of slipping into someone else's.
 */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  type DataSourceOptions,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import { isRetryableLockError } from './driver-errors';

/** The DataSource that serves reads outside transactions (on MySQL: the main one). */
export const READ_DATA_SOURCE = Symbol('READ_DATA_SOURCE');

/** Opens the read-only SQLite connection next to the writing one; on MySQL reuses the pool. */
export async function readDataSource(main: DataSource): Promise<DataSource> {
  const options = main.options;
  if (options.type !== 'better-sqlite3' || options.database === ':memory:') return main;
  return sibling({
    ...options,
    readonly: true,
    // The writing connection set WAL (a property of the file); readers wait rather than fail.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
    },
  });
}

/** Another DataSource on the main one's database, with `options`; it never migrates the schema. */
function sibling(options: DataSourceOptions): Promise<DataSource> {
  return new DataSource({ ...options, migrations: [], migrationsRun: false, synchronize: false }).initialize();
}

/** The DataSource of `batchTransaction` (on SQLite: the main one). */
export const BATCH_DATA_SOURCE = Symbol('BATCH_DATA_SOURCE');

/**
 * On MySQL, a second pool whose connections accept several statements per query, so that a hot
 * transaction can send its reads, then its writes, in one round trip each (`batch` in raw-sql).
 * Only `batchTransaction` uses it: everywhere else a query is one statement, as the driver's
 * default wants (a mistake in a query then cannot become a second statement).
 */
export async function batchDataSource(main: DataSource): Promise<DataSource> {
  const options = main.options;
  if (options.type !== 'mysql') return main;
  return sibling({ ...options, extra: { ...options.extra, multipleStatements: true } });
}

/**
 * `SELECT … FOR UPDATE` inside a transaction, for reads that decide a write. SQLite has no row
 * locks and needs none: its write transactions run one after another.
 */
export function forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.connection.options.type === 'better-sqlite3' ? qb : qb.setLock('pessimistic_write');
}

/** `forUpdate` for raw SQL: the clause to end a locking read with (empty on SQLite). */
export function forUpdateClause(em: EntityManager): string {
  return em.connection.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
}

const ATTEMPTS = 4;

@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private queue: Promise<unknown> = Promise.resolve();
  private readQueue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    @Inject(READ_DATA_SOURCE) private readonly reads: DataSource,
    @Inject(BATCH_DATA_SOURCE) private readonly batches: DataSource,
  ) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  /**
   * Runs `work` in one transaction; all writes go through here. `work` may run more than once
   * (after a deadlock), so it must not have effects outside the database before it returns.
   */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.retried(this.dataSource, work);
  }

  /**
   * `transaction`, on a connection where `batch` (raw-sql) sends several statements in one round
   * trip: for hot paths whose reads and writes each fit in one batch (a booking).
   */
  batchTransaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.retried(this.batches, work);
  }

  private async retried<T>(source: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(source, work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetryableLockError(error)) throw error;
      }
    }
  }

  private once<T>(source: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return source.transaction(work);
    const run = this.queue.then(() => source.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * One consistent read of several tables (a snapshot) that writes do not hold up: on SQLite a
   * transaction on the read-only connection (WAL gives it a snapshot; these queue among
   * themselves, not behind the writers), on MySQL an ordinary transaction.
   */
  readTransaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite || this.reads === this.dataSource) return this.transaction(work);
    const run = this.readQueue.then(() => this.reads.transaction(work));
    this.readQueue = run.catch(() => undefined);
    return run;
  }

  /** Reads outside a transaction: committed data only (on SQLite a read-only connection). */
  get manager(): EntityManager {
    return this.reads.manager;
  }

  /** The database answers `SELECT 1` within `timeoutMs` (health checks must not hang with it). */
  async ping(timeoutMs = 900): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const query = this.reads.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const source of [this.reads, this.batches]) {
      if (source !== this.dataSource && source.isInitialized) await source.destroy();
    }
  }
}

/**
 * Runs `work` in a savepoint of the caller's transaction: when it throws, only its own writes are
 * undone and the transaction goes on (both drivers nest transactions as savepoints).
 */
export async function savepoint<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('savepoint() needs an open transaction');
  await runner.startTransaction();
  try {
    const result = await work();
    await runner.commitTransaction();
    return result;
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

/**
 * Lets the event loop serve other requests. better-sqlite3 answers synchronously, so a loop of
 * awaited queries runs as one chain of microtasks that starves every socket and HTTP request;
 * long loops (a scheduler commit of thousands of meetings) call this every so often.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `load` on slices of `ids` (bounded `IN` lists), serving the event loop between slices. */
export async function inSlices<T>(
  ids: readonly string[],
  load: (slice: string[]) => Promise<T[]>,
  size = 1000,
): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += size) {
    rows.push(...(await load(ids.slice(i, i + size))));
    if (ids.length > size) await yieldToEventLoop();
  }
  return rows;
}

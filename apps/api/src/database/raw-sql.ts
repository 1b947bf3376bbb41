/**
 * Raw SQL on hot paths, with TypeORM's own column mapping: the same names, the same conversion of
 * values (dates, booleans, JSON, transformers) per driver as its repositories, without building a
 * query through the query builder or hydrating through the entity machinery. Positional `?`
 * parameters work on both drivers (mysql2 and better-sqlite3).
 */
import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

function columnsOf<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  props?: readonly (keyof T & string)[],
): ColumnMetadata[] {
  const metadata = em.connection.getMetadata(target);
  if (metadata.embeddeds.length || metadata.relations.some((r) => r.isEager)) {
    throw new Error(`${metadata.name}: embedded columns and eager relations are not mapped here`);
  }
  if (!props) return metadata.columns;
  return props.map((prop) => {
    const column = metadata.findColumnWithPropertyName(prop);
    if (!column) throw new Error(`${metadata.name} has no column ${prop}`);
    return column;
  });
}

/** The table's name, quoted for the driver. */
export function tableOf(em: EntityManager, target: EntityTarget<ObjectLiteral>): string {
  return em.connection.driver.escape(em.connection.getMetadata(target).tableName);
}

/** `alias.col AS alias_col, …` for the given properties (all columns when absent). */
export function selectList<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  alias: string,
  props?: readonly (keyof T & string)[],
): string {
  const q = (name: string) => em.connection.driver.escape(name);
  return columnsOf(em, target, props)
    .map((c) => `${alias}.${q(c.databaseName)} AS ${q(`${alias}_${c.databaseName}`)}`)
    .join(', ');
}

/**
 * The entity (or the given properties of it) from a raw row selected with `selectList(…, alias)`;
 * null when the row has no such entity (a LEFT JOIN that found nothing: its key, or first column, is null).
 */
export function hydrate<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  alias: string,
  props?: readonly (keyof T & string)[],
): T | null {
  const driver = em.connection.driver;
  const columns = columnsOf(em, target, props);
  const key = columns.find((c) => c.isPrimary) ?? columns[0];
  if (row[`${alias}_${key.databaseName}`] == null) return null;
  const entity = em.connection.getMetadata(target).create() as T;
  for (const column of columns) {
    const raw = row[`${alias}_${column.databaseName}`];
    // As TypeORM: the driver converts the value and applies the column's transformer (null too).
    (entity as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(raw ?? null, column);
  }
  return entity;
}

/** One SQL statement with its positional `?` parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The multi-row INSERT of the given rows (each with the same properties; columns left out take
 * their defaults), values converted as TypeORM's `insert` would.
 */
export function insertStatement<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Statement {
  const driver = em.connection.driver;
  const columns = columnsOf(em, target, Object.keys(rows[0]) as (keyof T & string)[]);
  const params: unknown[] = [];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (const row of rows) {
    for (const column of columns) {
      // The driver applies the column's transformer, then converts the value.
      params.push(driver.preparePersistentValue(row[column.propertyName], column) ?? null);
    }
  }
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  return { sql: `INSERT INTO ${tableOf(em, target)} (${names}) VALUES ${rows.map(() => tuple).join(', ')}`, params };
}

/**
 * One multi-row INSERT (see `insertStatement`). Throws the driver's error as a QueryFailedError,
 * as `insert` does (unique violations: `isUniqueViolation`).
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const { sql, params } = insertStatement(em, target, rows);
  await em.query(sql, params);
}

/**
 * Runs the statements in order and gives each one's result (rows for a SELECT). Where the
 * connection allows several statements per query (the MySQL DataSource of `batchTransaction`),
 * they go to the database in one round trip; elsewhere one after another. Either way the first
 * failing statement throws and the ones after it do not run, while the ones before it stay done
 * in the caller's transaction.
 */
export async function batch(em: EntityManager, statements: readonly Statement[]): Promise<unknown[]> {
  const extra = (em.connection.options as { extra?: { multipleStatements?: boolean } }).extra;
  if (statements.length > 1 && extra?.multipleStatements) {
    return (await em.query(
      statements.map((s) => s.sql).join(';\n'),
      statements.flatMap((s) => s.params),
    )) as unknown[];
  }
  const results: unknown[] = [];
  for (const s of statements) results.push(await em.query(s.sql, s.params));
  return results;
}

/**
 * The row with this primary key (single-column keys), as the entity or the given properties of it;
 * null when there is none. One raw SELECT instead of `findOneBy`.
 */
export async function findById<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  id: string,
  props?: readonly (keyof T & string)[],
): Promise<T | null> {
  const metadata = em.connection.getMetadata(target);
  if (metadata.primaryColumns.length !== 1) throw new Error(`${metadata.name} has a composite key`);
  const key = em.connection.driver.escape(metadata.primaryColumns[0].databaseName);
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${selectList(em, target, 'x', props)} FROM ${tableOf(em, target)} x WHERE x.${key} = ?`,
    [id],
  );
  return rows.length ? hydrate(em, target, rows[0], 'x', props) : null;
}

/** `?, ?, …` for an IN list of n values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

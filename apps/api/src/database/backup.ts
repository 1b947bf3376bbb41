/**
 * Backups that restore: `npm run db:backup [dir]` and `npm run db:restore <dir>` (cli.ts).
 *
 * A backup is a folder: `manifest.json` (when, which database kind, the migrations applied, every
 * table's row count and SHA-256, every uploaded file's SHA-256), the data, and `files/` (the
 * uploaded bytes, from local disk or the S3 bucket). The data is one consistent snapshot taken while
 * the app keeps writing:
 * - SQLite: the online backup API (better-sqlite3 `backup()`), the remaining pages in one step, so a
 *   write from the running app restarts the copy instead of tearing it;
 * - MySQL: every table read inside one `START TRANSACTION WITH CONSISTENT SNAPSHOT` (InnoDB's
 *   repeatable read), written as JSON lines in primary-key order.
 * The files are those the snapshot's `files` rows name, so a restored row always has its bytes.
 *
 * Restore refuses a non-empty database unless told to wipe it, rebuilds the schema with the
 * backup's migrations, loads the rows, runs any newer migrations, puts the files back in the
 * configured storage, and checks every table and file against the manifest before it says done.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import type { Connection as CallbackConnection } from 'mysql2';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { DiskFileStorage } from '../files/storage/disk.storage';
import type { FileStorage } from '../files/storage/file-storage';
import { S3FileStorage } from '../files/storage/s3.storage';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { runMigrations } from './migrate';
import { SnakeNamingStrategy } from './naming';

const FORMAT = 1;
/** TypeORM's own bookkeeping: rebuilt by the migrations, listed in the manifest instead. */
const MIGRATIONS_TABLE = 'migrations';

export interface BackupManifest {
  format: number;
  createdAt: string;
  database: 'sqlite' | 'mysql';
  migrations: string[];
  tables: Record<string, { rows: number; sha256: string }>;
  files: { key: string; contentType: string; size: number; sha256: string }[];
}

type Row = Record<string, unknown>;

/** One row as a JSON line, the same for the same values on the same database kind. */
function line(columns: string[], row: Row): string {
  return JSON.stringify(
    columns.map((c) => {
      const v = row[c];
      if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') };
      return v === undefined ? null : v;
    }),
  );
}

function value(v: unknown): unknown {
  return v && typeof v === 'object' && '$b64' in (v as object)
    ? Buffer.from((v as { $b64: string }).$b64, 'base64')
    : v;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

// ---- reading a database table by table ------------------------------------------------------------

interface TableReader {
  tables(): Promise<string[]>;
  /** Columns in order, and the rows in primary-key order. */
  rows(table: string): AsyncIterable<{ columns: string[]; row: Row }>;
  migrations(): Promise<string[]>;
  close(): Promise<void>;
}

function sqliteReader(file: string): TableReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return {
    tables: async () =>
      (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
          .all() as {
          name: string;
        }[]
      )
        .map((r) => r.name)
        .filter((n) => n !== MIGRATIONS_TABLE),
    async *rows(table) {
      const info = db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; pk: number }[];
      const columns = info.map((c) => c.name);
      const key = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const order = (key.length ? key : columns).map(quote).join(', ');
      for (const row of db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${order}`).iterate() as Iterable<Row>)
        yield { columns, row };
    },
    migrations: async () =>
      (db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`).all() as { name: string }[]).map((r) => r.name),
    close: async () => void db.close(),
  };
}

/** Dates and big numbers as the strings MySQL keeps, so they load back exactly. */
const mysqlConnection = (url: string) =>
  createConnection({ uri: url, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, timezone: 'Z' });

function mysqlReader(conn: Connection): TableReader {
  const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;
  return {
    tables: async () => {
      const [rows] = await conn.query<RowDataPacket[]>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name",
      );
      return rows.map((r) => String(r.name)).filter((n) => n !== MIGRATIONS_TABLE);
    },
    async *rows(table) {
      const [cols] = await conn.query<RowDataPacket[]>(
        'SELECT column_name AS name, column_key AS k FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position',
        [table],
      );
      const columns = cols.map((c) => String(c.name));
      const [keyRows] = await conn.query<RowDataPacket[]>(
        "SELECT column_name AS name FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position",
        [table],
      );
      const key = keyRows.map((r) => String(r.name));
      const order = (key.length ? key : columns).map(quote).join(', ');
      // Streamed, not buffered: a large table never sits in memory whole.
      const core = (conn as unknown as { connection: CallbackConnection }).connection;
      const stream = core.query(`SELECT * FROM ${quote(table)} ORDER BY ${order}`).stream();
      for await (const row of stream as AsyncIterable<Row>) yield { columns, row };
    },
    migrations: async () => {
      const [rows] = await conn.query<RowDataPacket[]>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`);
      return rows.map((r) => String(r.name));
    },
    close: () => conn.end(),
  };
}

/** Every table's rows and SHA-256 (over its JSON lines); `write` receives each line when given. */
async function digest(
  reader: TableReader,
  write?: (table: string) => { line: (l: string) => Promise<void>; end: () => Promise<void> },
): Promise<BackupManifest['tables']> {
  const tables: BackupManifest['tables'] = {};
  for (const table of await reader.tables()) {
    const hash = createHash('sha256');
    const out = write?.(table);
    let rows = 0;
    let header = false;
    for await (const { columns, row } of reader.rows(table)) {
      if (!header && out) await out.line(JSON.stringify(columns));
      header = true;
      const l = line(columns, row);
      hash.update(l).update('\n');
      await out?.line(l);
      rows++;
    }
    await out?.end();
    tables[table] = { rows, sha256: hash.digest('hex') };
  }
  return tables;
}

function jsonLines(path: string) {
  const stream = createWriteStream(path);
  return {
    line: async (l: string) => {
      if (!stream.write(`${l}\n`)) await once(stream, 'drain');
    },
    end: () => new Promise<void>((r) => stream.end(() => r())),
  };
}

// ---- files ----------------------------------------------------------------------------------------

export function storageFor(files: AppConfig['files']): FileStorage {
  return files.kind === 's3' ? new S3FileStorage(files) : new DiskFileStorage(files.dir);
}

async function readAll(storage: FileStorage, key: string): Promise<Buffer | null> {
  const object = await storage.get(key);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The keys (and types) the snapshot's `files` rows name. */
async function fileKeysFromRows(
  dir: string,
  kind: 'sqlite' | 'mysql',
): Promise<{ key: string; contentType: string }[]> {
  const keys: { key: string; contentType: string }[] = [];
  if (kind === 'sqlite') {
    const db = new Database(join(dir, 'database.sqlite'), { readonly: true });
    try {
      const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'").get();
      if (has)
        for (const r of db.prepare('SELECT storage_key, thumb_key, content_type FROM files').all() as Row[]) {
          keys.push({ key: String(r.storage_key), contentType: String(r.content_type) });
          if (r.thumb_key) keys.push({ key: String(r.thumb_key), contentType: 'image/webp' });
        }
    } finally {
      db.close();
    }
    return keys;
  }
  const path = join(dir, 'tables', 'files.jsonl');
  if (!existsSync(path)) return keys;
  let columns: string[] | null = null;
  for await (const l of createInterface({ input: createReadStream(path) })) {
    if (!l) continue;
    if (!columns) {
      columns = JSON.parse(l) as string[];
      continue;
    }
    const values = JSON.parse(l) as unknown[];
    const r = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
    keys.push({ key: String(r.storage_key), contentType: String(r.content_type) });
    if (r.thumb_key) keys.push({ key: String(r.thumb_key), contentType: 'image/webp' });
  }
  return keys;
}

// ---- backup ---------------------------------------------------------------------------------------

export async function backup(
  config: AppConfig,
  target: string,
  log: (m: string) => void = () => undefined,
): Promise<BackupManifest> {
  const dir = resolve(target);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  mkdirSync(dir, { recursive: true });
  const createdAt = new Date().toISOString();
  let tables: BackupManifest['tables'];
  let migrations: string[];
  if (config.database.kind === 'sqlite') {
    const source = new Database(config.database.path, { fileMustExist: true });
    try {
      // Everything left in one step: a write from the running app restarts the copy, never tears it.
      await source.backup(join(dir, 'database.sqlite'), {
        progress: ({ totalPages }: { totalPages: number }) => {
          log(`copying ${totalPages} pages`);
          return totalPages;
        },
      });
    } finally {
      source.close();
    }
    const reader = sqliteReader(join(dir, 'database.sqlite'));
    try {
      tables = await digest(reader);
      migrations = await reader.migrations();
    } finally {
      await reader.close();
    }
  } else {
    mkdirSync(join(dir, 'tables'));
    const conn = await mysqlConnection(config.database.url);
    try {
      await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      const reader = mysqlReader(conn);
      migrations = await reader.migrations();
      tables = await digest(reader, (table) => jsonLines(join(dir, 'tables', `${table}.jsonl`)));
      await conn.query('COMMIT');
    } finally {
      await conn.end();
    }
  }
  log(`${Object.keys(tables).length} tables, ${Object.values(tables).reduce((n, t) => n + t.rows, 0)} rows`);

  const storage = storageFor(config.files);
  const files: BackupManifest['files'] = [];
  mkdirSync(join(dir, 'files'));
  const wanted = await fileKeysFromRows(dir, config.database.kind);
  for (const [i, { key, contentType }] of wanted.entries()) {
    const body = await readAll(storage, key);
    if (!body) throw new Error(`the file ${key} named by the files table is missing from the storage`);
    const name = encodeURIComponent(key);
    writeFileSync(join(dir, 'files', name), body);
    files.push({ key, contentType, size: body.length, sha256: sha256(body) });
    if ((i + 1) % 50 === 0 || i + 1 === wanted.length) log(`files ${i + 1}/${wanted.length}`);
  }
  (storage as Partial<{ onModuleDestroy(): void }>).onModuleDestroy?.();

  const manifest: BackupManifest = {
    format: FORMAT,
    createdAt,
    database: config.database.kind,
    migrations,
    tables,
    files,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ---- restore --------------------------------------------------------------------------------------

async function mysqlTables(conn: Connection): Promise<string[]> {
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
  );
  return rows.map((r) => String(r.name));
}

async function migrate(config: AppConfig, names: string[] | null): Promise<void> {
  const migrations = names ? MIGRATIONS.filter((m) => names.includes(m.name)) : MIGRATIONS;
  const dataSource = new DataSource({
    ...dataSourceOptions(config.database),
    migrations,
    entities: [],
    namingStrategy: new SnakeNamingStrategy(),
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function restore(
  config: AppConfig,
  source: string,
  options: { wipe?: boolean; log?: (m: string) => void } = {},
): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  const dir = resolve(source);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT) throw new Error(`unknown backup format ${manifest.format}`);
  if (manifest.database !== config.database.kind)
    throw new Error(`this is a ${manifest.database} backup; DATABASE_URL is ${config.database.kind}`);
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new Error(`the backup comes from a newer version (migrations ${unknown.join(', ')})`);
  for (const file of manifest.files) {
    const body = readFileSync(join(dir, 'files', encodeURIComponent(file.key)));
    if (sha256(body) !== file.sha256) throw new Error(`the backup's copy of ${file.key} is damaged`);
  }

  let tables: BackupManifest['tables'];
  if (config.database.kind === 'sqlite') {
    const target = config.database.path;
    if (existsSync(target)) {
      if (!options.wipe) throw new Error(`${target} exists: stop the app and pass --wipe to replace it`);
      for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    }
    mkdirSync(resolve(target, '..'), { recursive: true });
    copyFileSync(join(dir, 'database.sqlite'), target);
    const reader = sqliteReader(target);
    try {
      tables = await digest(reader);
    } finally {
      await reader.close();
    }
  } else {
    const conn = await mysqlConnection(config.database.url);
    try {
      const existing = await mysqlTables(conn);
      if (existing.length && !options.wipe)
        throw new Error(`the database has ${existing.length} tables: pass --wipe to replace them`);
      await conn.query('SET FOREIGN_KEY_CHECKS = 0');
      for (const table of existing) await conn.query(`DROP TABLE \`${table.replace(/`/g, '``')}\``);
      await conn.query('SET FOREIGN_KEY_CHECKS = 1');
    } finally {
      await conn.end();
    }
    // The schema the rows were taken from; newer migrations run after the rows are in.
    await migrate(config, manifest.migrations);
    const load = await mysqlConnection(config.database.url);
    try {
      await load.query('SET FOREIGN_KEY_CHECKS = 0');
      for (const table of Object.keys(manifest.tables)) {
        let columns: string[] | null = null;
        let batch: unknown[][] = [];
        const flush = async () => {
          if (!batch.length || !columns) return;
          const cols = columns.map((c) => `\`${c}\``).join(', ');
          await load.query(`INSERT INTO \`${table}\` (${cols}) VALUES ?`, [batch]);
          batch = [];
        };
        const path = join(dir, 'tables', `${table}.jsonl`);
        if (!existsSync(path)) continue;
        for await (const l of createInterface({ input: createReadStream(path) })) {
          if (!l) continue;
          if (!columns) columns = JSON.parse(l) as string[];
          else batch.push((JSON.parse(l) as unknown[]).map(value));
          if (batch.length >= 500) await flush();
        }
        await flush();
        log(`loaded ${table}`);
      }
      await load.query('SET FOREIGN_KEY_CHECKS = 1');
      tables = await digest(mysqlReader(load));
    } finally {
      await load.end().catch(() => undefined);
    }
  }
  const wrong = Object.entries(manifest.tables).filter(
    ([name, t]) => tables[name]?.sha256 !== t.sha256 || tables[name]?.rows !== t.rows,
  );
  if (wrong.length) throw new Error(`restored tables differ from the backup: ${wrong.map(([n]) => n).join(', ')}`);
  await migrate(config, null);

  const storage = storageFor(config.files);
  if (storage instanceof S3FileStorage) await storage.onModuleInit();
  for (const file of manifest.files) {
    const body = await readFile(join(dir, 'files', encodeURIComponent(file.key)));
    await storage.put(file.key, body, file.contentType);
    const back = await readAll(storage, file.key);
    if (!back || sha256(back) !== file.sha256) throw new Error(`the file ${file.key} did not store back intact`);
  }
  (storage as Partial<{ onModuleDestroy(): void }>).onModuleDestroy?.();
  log(`restored ${Object.keys(tables).length} tables and ${manifest.files.length} files from ${basename(dir)}`);
  return manifest;
}

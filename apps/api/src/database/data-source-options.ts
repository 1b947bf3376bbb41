import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each' as const,
  };
  if (database.kind === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    // Unreachable answers 503 within a second (a LAN or same-region database connects in ms);
    // keep-alive notices a silently dropped connection.
    connectTimeout: 1000,
    extra: { connectionLimit: 20, enableKeepAlive: true },
  };
}

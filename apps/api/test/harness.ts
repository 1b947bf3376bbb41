/**
 * Starts the real application on a fresh database (SQLite file or a new MySQL schema) and a
 * random port. Every test file gets its own database; the factories are in factories.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig, type AppConfig } from '../src/config/config';
import { ORGANISER } from './factories';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
  databaseKind: 'sqlite' | 'mysql';
  close: () => Promise<void>;
}

/** The uploads folder of the deployment on database `url`: several nodes of one deployment share it. */
export const filesDirFor = (url: string) =>
  join(tmpdir(), 'ilr-tests', `files-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`);

/** A new empty database (and no uploads); `drop` removes it and the uploads made on it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await emptyDatabase();
  return {
    url: database.url,
    drop: async () => {
      await database.drop();
      rmSync(filesDirFor(database.url), { recursive: true, force: true });
    },
  };
}

async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.TEST_DB === 'mysql') {
    const server = new URL(process.env.TEST_DATABASE_URL!);
    const name = `ilr_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = await createConnection({ uri: server.toString() });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const url = new URL(server.toString());
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const conn = await createConnection({ uri: server.toString() });
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await conn.end();
      },
    };
  }
  const dir = join(tmpdir(), 'ilr-tests');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${randomUUID()}.sqlite`);
  return {
    url: `sqlite:${file}`,
    drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })),
  };
}

/**
 * The app on a fresh database, or on `shared` (from `freshDatabase()`, which the caller drops), so
 * that several apps can run as nodes of one deployment.
 */
export async function startApp(env: Record<string, string> = {}, shared?: { url: string }): Promise<TestApp> {
  const database = shared ? { url: shared.url, drop: async () => undefined } : await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    SEED_DEMO: 'false',
    ORGANISER_EMAIL: ORGANISER.email,
    ORGANISER_PASSWORD: ORGANISER.password,
    JWT_SECRET: 'integration-test-secret-at-least-32-characters',
    LOG_LEVEL: 'silent',
    PORT: '0',
    WEB_DIST_DIR: join(tmpdir(), 'ilr-no-web'),
    FILES_DIR: filesDirFor(database.url),
    // Other tests make many requests from one address and user; security.int-spec.ts tests the limits.
    RATE_LIMIT_REGISTER: '1000000/1s',
    RATE_LIMIT_MEETING_REQUESTS: '1000000/1s',
    RATE_LIMIT_UPLOADS: '1000000/1s',
    RATE_LIMIT_CHAT: '1000000/1s',
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    http: () => request(app.getHttpServer()),
    databaseKind: config.database.kind,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

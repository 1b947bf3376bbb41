/**
 * Starts the real application on a fresh database (SQLite file or a new MySQL schema) and a
 * random port, and gives tests small factories. Every test file gets its own database.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import type { AuthResponse, Company, CompanyInput, Role } from '@ilr/shared';
import { createApp } from '../src/app.factory';
import { loadConfig, type AppConfig } from '../src/config/config';

export const ORGANISER = { email: 'organiser@test.local', password: 'organiser-test-password' };

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
  databaseKind: 'sqlite' | 'mysql';
  close: () => Promise<void>;
}

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
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

export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
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

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}-${Date.now().toString(36)}-${++counter}@test.local`;

export interface Session extends AuthResponse {
  auth: { Authorization: string };
}

const session = (body: AuthResponse): Session => ({ ...body, auth: { Authorization: `Bearer ${body.accessToken}` } });

export async function registerUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Session> {
  const res = await t
    .http()
    .post('/api/auth/register')
    .send({ email: uniqueEmail(), password: 'correct horse battery', displayName: 'Test User', ...overrides })
    .expect(201);
  return session(res.body);
}

export async function loginAs(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
  return session(res.body);
}

const organiserSessions = new WeakMap<TestApp, Promise<Session>>();
/** The organiser's session, logged in once per app (logins are rate-limited). */
export function loginOrganiser(t: TestApp): Promise<Session> {
  if (!organiserSessions.has(t)) organiserSessions.set(t, loginAs(t, ORGANISER.email, ORGANISER.password));
  return organiserSessions.get(t)!;
}

/** A user with the given role, promoted by the organiser where needed. */
export async function userWithRole(t: TestApp, role: Role): Promise<Session> {
  const user = await registerUser(t);
  if (role === 'member') return user;
  const organiser = await loginOrganiser(t);
  await t.http().patch(`/api/users/${user.user.id}/role`).set(organiser.auth).send({ role }).expect(200);
  return { ...user, user: { ...user.user, role } };
}

export function companyInput(overrides: Partial<CompanyInput> = {}): CompanyInput {
  return {
    name: { en: `Test Firm ${++counter}`, ko: `테스트 기업 ${counter}`, zh: `测试企业${counter}` },
    country: 'KR',
    sector: 'retail',
    offers: ['bonded warehousing'],
    needs: ['distribution partners'],
    ...overrides,
  };
}

export async function createCompany(t: TestApp, as: Session, overrides: Partial<CompanyInput> = {}): Promise<Company> {
  const res = await t.http().post('/api/companies').set(as.auth).send(companyInput(overrides)).expect(201);
  return res.body;
}

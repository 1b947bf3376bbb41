/**
 * Backups that restore (database/backup.ts, `npm run db:backup` / `db:restore`): a backup taken
 * while the app keeps writing is one consistent snapshot (everything written before it started is
 * in it, nothing half-written is), and restoring it into a wiped database and an empty uploads
 * folder gives back the same rows and the same file bytes, which the app then serves.
 */
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { backup, restore } from '../src/database/backup';
import { createEvent, eventInput, loginOrganiser, signUp } from './factories';
import { freshDatabase, startApp, type TestApp } from './harness';
import { samplePng, upload } from './uploads';

describe('db:backup and db:restore', () => {
  it('backs up under writes, wipes, restores and gives back the same rows and files', async () => {
    const database = await freshDatabase();
    const dir = join(mkdtempSync(join(tmpdir(), 'ilr-backup-')), 'backup');
    let t: TestApp | null = await startApp({}, database);
    try {
      const organiser = await loginOrganiser(t);
      const member = await signUp(t);
      const png = await samplePng(64, 48);
      const file = (await upload(t, member, png, 'logo.png', 'image/png').expect(201)).body as {
        id: string;
        url: string;
      };
      const before = await createEvent(t);
      const filePath = new URL(file.url, t.baseUrl).pathname;
      const bytesBefore = (await t.http().get(filePath).expect(200)).body as Buffer;

      // Writers keep creating events while the backup runs.
      let writing = true;
      const written: string[] = [];
      const app = t;
      const writers = Array.from({ length: 3 }, async () => {
        while (writing) {
          const res = await app.http().post('/api/events').set(organiser.auth).send(eventInput());
          if (res.status === 201) written.push(res.body.id as string);
        }
      });
      while (written.length < 5) await new Promise((r) => setTimeout(r, 20));
      const writtenBefore = [...written];
      const manifest = await backup(t.config, dir);
      const writtenDuring = written.length;
      writing = false;
      await Promise.all(writers);
      expect(written.length).toBeGreaterThan(writtenBefore.length);
      expect(writtenDuring).toBeGreaterThanOrEqual(writtenBefore.length);

      // What the live database holds now, row by row (the writers only add rows).
      const live = t.app.get(DataSource);
      const liveEvents = new Map(
        ((await live.query('SELECT id, title, created_at FROM events')) as { id: string }[]).map((r) => [r.id, r]),
      );
      const liveCounts: Record<string, number> = {};
      for (const table of Object.keys(manifest.tables)) {
        const [row] = (await live.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
        liveCounts[table] = Number(row.n);
      }
      expect(manifest.files.map((f) => f.contentType).sort()).toEqual(['image/png', 'image/webp']);
      expect(manifest.tables.events.rows).toBeLessThanOrEqual(liveCounts.events);

      // Wipe: the app stops, the database and the uploads folder go.
      const config = t.config;
      await t.app.close();
      t = null;
      if (config.database.kind === 'sqlite') {
        for (const suffix of ['', '-wal', '-shm']) rmSync(config.database.path + suffix, { force: true });
      }
      if (config.files.kind === 'disk') rmSync(config.files.dir, { recursive: true, force: true });
      // MySQL: restore refuses a database with tables unless told to wipe it.
      if (config.database.kind === 'mysql') await expect(restore(config, dir)).rejects.toThrow(/--wipe/);

      await restore(config, dir, { wipe: true });
      t = await startApp({}, database);
      const restored = t.app.get(DataSource);
      for (const [table, { rows }] of Object.entries(manifest.tables)) {
        const [row] = (await restored.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number | string }[];
        expect({ table, rows: Number(row.n) }).toEqual({ table, rows });
      }
      // Everything written before the backup began is there, every restored event is one the live
      // database had, identical, and no writer's event is there half.
      const events = (await restored.query('SELECT id, title, created_at FROM events')) as { id: string }[];
      const ids = new Set(events.map((e) => e.id));
      for (const id of [before.id, ...writtenBefore]) expect(ids.has(id)).toBe(true);
      for (const event of events) expect(event).toEqual(liveEvents.get(event.id));
      // The restored app serves the same bytes and signs the same people in.
      const served = (await t.http().get(filePath).expect(200)).body as Buffer;
      expect(served.length).toBeGreaterThan(0);
      expect(Buffer.compare(served, bytesBefore)).toBe(0);
      await loginOrganiser(t);
      await t.http().get(`/api/events/${before.id}`).set(organiser.auth).expect(200);
    } finally {
      await t?.app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

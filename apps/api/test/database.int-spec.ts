/**
 * The database layer under concurrency, on SQLite and MySQL: reads outside a transaction see only
 * committed data, a write never slips into another request's open transaction, the last organiser
 * survives two organisers demoting each other, and two nodes start together on an empty database.
 */
import { randomUUID } from 'node:crypto';
import { UserEntity } from '../src/accounts/user.entity';
import { TokenService } from '../src/accounts/token.service';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../src/database/database.service';
import { isUniqueViolation } from '../src/database/driver-errors';
import { batch, insertStatement, type Statement } from '../src/database/raw-sql';
import { loginOrganiser, ORGANISER, quickUser, signUp, type Caller } from './factories';
import { freshDatabase, startApp, type TestApp } from './harness';

function newUser(email = `db-${randomUUID()}@test.local`): UserEntity {
  const now = new Date();
  return Object.assign(new UserEntity(), {
    id: randomUUID(),
    email,
    passwordHash: 'not-a-password-hash',
    displayName: 'Uncommitted',
    role: 'member',
    locale: 'en',
    timeZone: 'Asia/Seoul',
    companyId: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** A promise and the function that settles it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('database layer', () => {
  let t: TestApp;
  let db: DatabaseService;
  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DatabaseService);
  });
  afterAll(() => t.close());

  it('hides an open transaction from reads and writes outside it, and rolls back only its own rows', async () => {
    const pending = newUser();
    const inserted = gate();
    const finish = gate();
    const rollback = new Error('rolled back on purpose');
    // Signing in writes too (the session's refresh token), so it happens before the transaction opens.
    const organiser = await loginOrganiser(t);
    const open = db.transaction(async (em) => {
      await em.insert(UserEntity, pending);
      inserted.open();
      await finish.wait;
      throw rollback;
    });
    await inserted.wait;

    // The read path (the service's manager, and a request authenticated as the pending row).
    expect(await db.manager.existsBy(UserEntity, { id: pending.id })).toBe(false);
    expect(await db.manager.countBy(UserEntity, { email: pending.email })).toBe(0);
    const token = t.app.get(TokenService).issue(pending);
    await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    const listed = await t.http().get('/api/users').query({ q: pending.email }).set(organiser.auth).expect(200);
    expect(listed.body.total).toBe(0);

    // A write through the manager, outside any transaction: on SQLite it is refused (the read
    // connection is read-only) instead of joining the open transaction; on MySQL it commits alone.
    const outside = newUser();
    const direct = await db.manager.insert(UserEntity, outside).then(
      () => 'written' as const,
      () => 'refused' as const,
    );
    if (t.databaseKind === 'sqlite') expect(direct).toBe('refused');

    // A write transaction started while the other is open: queued (SQLite) or concurrent (MySQL).
    const concurrent = newUser();
    const second = db.transaction((em) => em.insert(UserEntity, concurrent));
    // And a request that writes: registration.
    const registering = signUp(t);

    finish.open();
    await expect(open).rejects.toBe(rollback);
    await second;
    const registered = await registering;

    expect(await db.manager.existsBy(UserEntity, { id: pending.id })).toBe(false);
    expect(await db.manager.existsBy(UserEntity, { id: concurrent.id })).toBe(true);
    expect(await db.manager.existsBy(UserEntity, { id: registered.user.id })).toBe(true);
    expect(await db.manager.existsBy(UserEntity, { id: outside.id })).toBe(direct === 'written');
    await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('runs a batch in order in one transaction (one query on MySQL), stopping at the first failing statement', async () => {
    const [first, second] = [newUser(), newUser()];
    // The row as set (columns left unset take their defaults).
    const insert = (em: EntityManager, user: UserEntity) =>
      insertStatement(em, UserEntity, [
        Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)) as Partial<UserEntity>,
      ]);
    const count: Statement = { sql: 'SELECT COUNT(*) AS n FROM users WHERE id = ?', params: [first.id] };

    const results = await db.batchTransaction(async (em) => {
      const query = jest.spyOn(em.queryRunner!, 'query');
      const out = await batch(em, [insert(em, first), count]);
      // MySQL: both statements in one round trip; SQLite: one after another.
      expect(query).toHaveBeenCalledTimes(t.databaseKind === 'mysql' ? 1 : 2);
      return out;
    });
    expect(Number((results[1] as { n: number | string }[])[0].n)).toBe(1);

    // The duplicate fails; the statement after it never runs, and the rollback takes the one before it.
    const third = newUser();
    const failed = await db
      .batchTransaction((em) => batch(em, [insert(em, second), insert(em, first), insert(em, third)]))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await db.manager.existsBy(UserEntity, { id: second.id })).toBe(false);
    expect(await db.manager.existsBy(UserEntity, { id: third.id })).toBe(false);
    expect(await db.manager.existsBy(UserEntity, { id: first.id })).toBe(true);

    // Every other transaction keeps one statement per query (both drivers' default).
    await expect(db.transaction((em) => em.query('SELECT 1; SELECT 2'))).rejects.toThrow();
  });

  it('shows a committed write to the next read at once', async () => {
    const user = newUser();
    await db.transaction((em) => em.insert(UserEntity, user));
    expect(await db.manager.existsBy(UserEntity, { id: user.id })).toBe(true);
    const token = t.app.get(TokenService).issue(user);
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.id).toBe(user.id);
  });

  it('keeps one organiser when the last two demote each other at the same moment', async () => {
    const organiser = await loginOrganiser(t);
    let survivor: Caller = { user: organiser.user, accessToken: organiser.accessToken, auth: organiser.auth };
    const outcomes = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const other = await quickUser(t, 'member');
      await t
        .http()
        .patch(`/api/users/${other.user.id}/role`)
        .set(survivor.auth)
        .send({ role: 'organiser' })
        .expect(200);
      const pair = [survivor, other];
      const results = await Promise.all(
        pair.map((actor, i) =>
          t
            .http()
            .patch(`/api/users/${pair[1 - i].user.id}/role`)
            .set(actor.auth)
            .send({ role: 'member' }),
        ),
      );
      const won = results.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      const loser = results.find((r) => r.status !== 200)!;
      // The loser finds its target to be the last organiser (409), or, when the winner's change
      // committed before the loser's request was even authorised, is no longer an organiser (403).
      if (loser.status === 409) expect(loser.body.error.code).toBe('LAST_ORGANISER');
      else expect(loser.status).toBe(403);
      outcomes.add(String(loser.status));
      // The winner demoted the other one; the winner remains.
      survivor = pair[results.indexOf(won[0])];
      const organisers = await t.http().get('/api/users').query({ role: 'organiser' }).set(survivor.auth).expect(200);
      expect(organisers.body.items.map((u: { id: string }) => u.id)).toEqual([survivor.user.id]);
      expect(await db.manager.countBy(UserEntity, { role: 'organiser' })).toBe(1);
    }
    // On MySQL the two requests really overlap: at least once both got past the guard and the
    // lock decided. SQLite serves them one after the other, so only the invariant is checked.
    if (db.isMysql) expect(outcomes.has('409')).toBe(true);
  });
});

describe('two nodes starting together on an empty database', () => {
  it('both start, and there is exactly one organiser', async () => {
    const database = await freshDatabase();
    const nodes: TestApp[] = [];
    try {
      const started = await Promise.allSettled([startApp({}, database), startApp({}, database)]);
      for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value);
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
        'started',
        'started',
      ]);
      const db = nodes[0].app.get(DatabaseService);
      expect(await db.manager.countBy(UserEntity, { email: ORGANISER.email })).toBe(1);
      expect(await db.manager.countBy(UserEntity, { role: 'organiser' })).toBe(1);
      // Both nodes serve the same organiser.
      for (const node of nodes) {
        await node.http().post('/api/auth/login').send(ORGANISER).expect(200);
      }
    } finally {
      for (const node of nodes) await node.app.close();
      await database.drop();
    }
  });
});

/**
 * Faults the node must survive: the database going away (every request answers 503 UNAVAILABLE
 * within a second, `/api/health` says the database is down, and the node recovers by itself when
 * the database returns) and Redis going away (the node keeps serving its own clients and rejoins
 * the others when Redis is back). A TCP proxy between the app and the server is cut and restored.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatMessage } from '@ilr/shared';
import { createEvent, eventInput, loginOrganiser, quickUsers, registerFor, signUp, uniqueEmail } from './factories';
import { freshDatabase, startApp, type TestApp } from './harness';
import { closeClients, connectLive, ok, record, sessionRoom, waitFor } from './realtime-harness';
import { TcpProxy } from './tcp-proxy';

const describeOnMysql = process.env.TEST_DB === 'mysql' ? describe : describe.skip;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describeOnMysql('the database goes away and comes back', () => {
  let database: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshDatabase();
    const direct = new URL(database.url);
    proxy = new TcpProxy(direct.hostname, Number(direct.port || 3306));
    await proxy.up();
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    t = await startApp({}, { url: viaProxy.toString() });
  });
  afterAll(async () => {
    await proxy.up().catch(() => undefined);
    await t?.close();
    await proxy.down();
    await database?.drop();
  });

  it('answers 503 UNAVAILABLE within a second while it is away, then recovers by itself with nothing lost', async () => {
    const organiser = await loginOrganiser(t);
    const before = await createEvent(t);

    await proxy.down();
    const health = await timed(() => t.http().get('/api/health'));
    expect(health.result.status).toBe(503);
    expect(health.result.body).toEqual({ status: 'error', db: 'down' });
    expect(health.ms).toBeLessThan(1000);

    const read = await timed(() => t.http().get(`/api/events/${before.id}`).set(organiser.auth));
    expect(read.result.status).toBe(503);
    expect(read.result.body.error.code).toBe('UNAVAILABLE');
    expect(read.ms).toBeLessThan(1000);
    const write = await timed(() => t.http().post('/api/events').set(organiser.auth).send(eventInput()));
    expect(write.result.status).toBe(503);
    expect(write.result.body.error.code).toBe('UNAVAILABLE');
    expect(write.ms).toBeLessThan(1000);
    const login = await t.http().post('/api/auth/login').send({ email: uniqueEmail(), password: 'whatever it is' });
    expect(login.status).toBe(503);

    await proxy.up();
    const deadline = Date.now() + 15_000;
    while ((await t.http().get('/api/health')).status !== 200) {
      if (Date.now() > deadline) throw new Error('the node did not recover within 15 s');
      await sleep(100);
    }
    // The same token, the data from before, and new writes.
    const again = await t.http().get(`/api/events/${before.id}`).set(organiser.auth).expect(200);
    expect(again.body.id).toBe(before.id);
    await t.http().post('/api/events').set(organiser.auth).send(eventInput()).expect(201);
    await signUp(t);
  });
});

describe('Redis goes away and comes back', () => {
  let proxy: TcpProxy;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    await proxy.up();
    const env = {
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      REDIS_KEY_PREFIX: `ilr-test-${randomUUID().slice(0, 8)}`,
    };
    const database = await freshDatabase();
    a = await startApp(env, database);
    b = await startApp(env, database);
    const drop = b.close;
    b.close = async () => {
      await drop();
      await database.drop();
    };
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    await proxy.up().catch(() => undefined);
    await b?.close();
    await a?.close();
    await proxy.down();
  });

  it("keeps serving each node's own clients while Redis is away, and joins the nodes up again when it is back", async () => {
    const { event, room } = await sessionRoom(a);
    const [alice, bob, carol] = await quickUsers(a, 3);
    await registerFor(a, event.id, alice, bob, carol);
    const aliceOnA = await connectLive(a, alice);
    const bobOnA = await connectLive(a, bob);
    const carolOnB = await connectLive(b, carol);
    for (const socket of [aliceOnA, bobOnA, carolOnB]) await ok(socket, 'room:join', { room });
    const bobSees = record<ChatMessage>(bobOnA, 'chat:message');
    const carolSees = record<ChatMessage>(carolOnB, 'chat:message');

    await proxy.down();
    const during = await ok(aliceOnA, 'chat:send', { room, text: 'while Redis is away', clientMsgId: randomUUID() });
    await waitFor(() => bobSees.some((m) => m.id === during.message.id), 'the message on the same node');
    // HTTP goes on too: logins (throttled in memory meanwhile), reads, writes.
    await signUp(a);
    await createEvent(a);

    await proxy.up();
    // Once the nodes have reconnected, a message on node A reaches node B again.
    const deadline = Date.now() + 20_000;
    let crossed = false;
    while (!crossed && Date.now() < deadline) {
      const sent = await ok(aliceOnA, 'chat:send', { room, text: 'after Redis is back', clientMsgId: randomUUID() });
      const until = Date.now() + 500;
      while (!crossed && Date.now() < until) {
        crossed = carolSees.some((m) => m.id === sent.message.id);
        await sleep(25);
      }
    }
    expect(crossed).toBe(true);
    // Carol can fetch what she missed by seq.
    const since = await ok(carolOnB, 'chat:since', { room, seq: 0 });
    expect(since.messages.map((m) => m.id)).toContain(during.message.id);
  });
});

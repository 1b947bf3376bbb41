/**
 * Two API processes (the production build) on MySQL and Redis behind Debian's nginx, as in
 * production: websockets upgrade through the proxy, a chat message through node A reaches a client
 * on node B with its seq, a reminder goes out once although both nodes sweep, and stopping a node
 * moves its clients to the other with nothing lost (they reconnect and `chat:since` fills the gap).
 *
 * Runs in the MySQL pass (`TEST_DB=mysql`): two processes on one SQLite file is not a deployment we
 * offer. Needs nginx (`apt-get install -y nginx`); in CI a missing nginx fails the test.
 * The data is set up through an in-process app on the same database (the factories need one).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { LIVE_NAMESPACE, REALTIME_PATH, type ChatMessage } from '@ilr/shared';
import { acceptedRequest, firm, matchmakingEvent, ORGANISER, quickUsers, registerFor, takePart } from './factories';
import { freshDatabase, startApp, type TestApp } from './harness';
import { ensureApiBuild, NGINX, startNginx, startNode, type NodeProcess, type Proxy } from './nodes';
import { ok, sessionRoom, waitFor } from './realtime-harness';

const onMysql = process.env.TEST_DB === 'mysql';
if (onMysql && !NGINX && process.env.CI) throw new Error('CI must run the proxy test: install nginx');
const describeWithProxy = onMysql && NGINX ? describe : describe.skip;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const JWT_SECRET = 'integration-test-secret-at-least-32-characters';

describeWithProxy('two API processes behind nginx on MySQL and Redis', () => {
  let database: { url: string; drop: () => Promise<void> };
  let control: TestApp;
  let a: NodeProcess;
  let b: NodeProcess;
  let proxy: Proxy;
  const sockets: Socket[] = [];

  /** A /live client through the proxy; `node` pins it (X-Node), else it goes where nginx sends it. */
  function connect(token: string, node?: 'a' | 'b', reconnect = false): Promise<Socket> {
    const socket = io(`${proxy.url}${LIVE_NAMESPACE}`, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      forceNew: true,
      reconnection: reconnect,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      auth: { token },
      extraHeaders: node ? { 'x-node': node } : {},
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }
  const viaProxy = (node?: 'a' | 'b') => {
    const agent = request(proxy.url);
    return {
      get: (path: string) => agent.get(path).set(node ? { 'x-node': node } : {}),
      post: (path: string) => agent.post(path).set(node ? { 'x-node': node } : {}),
    };
  };

  beforeAll(async () => {
    ensureApiBuild();
    database = await freshDatabase();
    const prefix = `ilr-test-proxy-${randomUUID().slice(0, 8)}`;
    // Migrates the database; the nodes start on it with MIGRATE_ON_START=false, as compose does.
    control = await startApp({ REDIS_URL, REDIS_KEY_PREFIX: prefix }, database);
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      MIGRATE_ON_START: 'false',
      SEED_DEMO: 'false',
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      JWT_SECRET,
      ORGANISER_EMAIL: ORGANISER.email,
      ORGANISER_PASSWORD: ORGANISER.password,
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: '/nonexistent',
      FILES_DIR: control.config.files.kind === 'disk' ? control.config.files.dir : '/tmp',
      MATCHMAKING_SWEEP_INTERVAL: '1s',
      TRUST_PROXY: 'loopback',
    };
    // Both at once: the organiser bootstrap and the job schedulers must cope.
    [a, b] = await Promise.all([startNode('A', env), startNode('B', env)]);
    proxy = await startNginx(a, b);
  }, 180_000);

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    await control?.close();
    await database?.drop();
  });

  it('upgrades websockets through the proxy and carries a message from node A to a client on node B, in seq order', async () => {
    const { event, room } = await sessionRoom(control);
    const [alice, bob] = await quickUsers(control, 2);
    await registerFor(control, event.id, alice, bob);
    const onA = await connect(alice.accessToken, 'a');
    const onB = await connect(bob.accessToken, 'b');
    expect(onA.io.engine.transport.name).toBe('websocket');
    expect(onB.io.engine.transport.name).toBe('websocket');
    await ok(onA, 'room:join', { room });
    await ok(onB, 'room:join', { room });
    const seenOnB: ChatMessage[] = [];
    onB.on('chat:message', (m: ChatMessage) => seenOnB.push(m));

    const first = await ok(onA, 'chat:send', { room, text: 'through node A', clientMsgId: randomUUID() });
    const second = await ok(onA, 'chat:send', { room, text: 'again through A', clientMsgId: randomUUID() });
    await waitFor(() => seenOnB.length === 2, 'both messages on node B');
    expect(seenOnB).toEqual([first.message, second.message]);
    expect(seenOnB.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('sends a meeting reminder once although both nodes sweep every second', async () => {
    // A meeting three minutes from now: within the 15-minute reminder lead at once.
    const event = await matchmakingEvent(control, { slots: 1, from: new Date(Date.now() + 3 * 60_000) });
    const [host, guest] = [await firm(control, { country: 'KR' }), await firm(control, { country: 'CN' })];
    await takePart(control, event, host);
    await takePart(control, event, guest);
    const requestId = await acceptedRequest(control, event, host, guest);
    await viaProxy('b')
      .post(`/api/events/${event.id}/meetings`)
      .set(host.member.auth)
      .send({ requestId, slotId: event.slots[0].id })
      .expect(201);

    const reminders = async (auth: Record<string, string>) => {
      const res = await viaProxy().get('/api/notifications?pageSize=100').set(auth).expect(200);
      return (res.body.items as { kind: string }[]).filter((n) => n.kind === 'meeting.reminder').length;
    };
    const deadline = Date.now() + 20_000;
    while ((await reminders(host.member.auth)) === 0 && Date.now() < deadline) await sleep(250);
    // Several more sweeps on both nodes.
    await sleep(3500);
    expect(await reminders(host.member.auth)).toBe(1);
    expect(await reminders(guest.member.auth)).toBe(1);
  });

  it('moves the clients of a stopped node to the other, and chat:since gives them what they missed', async () => {
    const { event, room } = await sessionRoom(control);
    const [carol, dan] = await quickUsers(control, 2);
    await registerFor(control, event.id, carol, dan);
    // Carol goes where nginx sends her: node A while it answers.
    const carolSocket = await connect(carol.accessToken, undefined, true);
    const danSocket = await connect(dan.accessToken, 'b');
    await ok(carolSocket, 'room:join', { room });
    await ok(danSocket, 'room:join', { room });
    const seen = new Map<number, ChatMessage>();
    carolSocket.on('chat:message', (m: ChatMessage) => seen.set(m.seq, m));
    const send = (text: string) => ok(danSocket, 'chat:send', { room, text, clientMsgId: randomUUID() });

    await send('before the restart');
    await waitFor(() => seen.size === 1, 'the first message');
    let reconnected = false;
    carolSocket.io.on('reconnect', () => (reconnected = true));
    const stopping = a.stop('SIGTERM');
    // Dan keeps talking on node B while Carol is away.
    for (let i = 1; i <= 5; i++) {
      await send(`during the restart ${i}`);
      await sleep(50);
    }
    await stopping;
    await waitFor(() => reconnected, 'Carol reconnected through the proxy', 20_000);
    await ok(carolSocket, 'room:join', { room });
    const last = Math.max(...seen.keys());
    const since = await ok(carolSocket, 'chat:since', { room, seq: last });
    for (const m of since.messages) seen.set(m.seq, m);
    await send('after the restart');
    await waitFor(() => seen.size === 7, 'every message, none twice');
    expect([...seen.keys()].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seen.get(7)!.text).toBe('after the restart');
    // Everything now goes through node B, and the API still answers through the proxy.
    await viaProxy().get('/api/health').expect(200);
  });
});

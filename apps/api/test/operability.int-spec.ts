/**
 * Liveness, readiness (and draining), the Prometheus endpoint after some traffic, and request ids
 * taken from the proxy.
 */
import { randomUUID } from 'node:crypto';
import { AppLifecycle } from '../src/lifecycle/app-lifecycle';
import { TimedJobs } from '../src/cluster/timed-jobs';
import {
  acceptedRequest,
  createEvent,
  firm,
  loginOrganiser,
  matchmakingEvent,
  quickUser,
  registerFor,
  takePart,
} from './factories';
import { startApp, type TestApp } from './harness';
import { closeClients, connectLive, ok } from './realtime-harness';

const TOKEN = 'metrics-scrape-token-for-tests';

/** The value of the one sample whose name and labels contain every given fragment. */
function sample(text: string, name: string, ...fragments: string[]): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && fragments.every((f) => l.includes(f)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('operability', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ METRICS_TOKEN: TOKEN, NODE_ID: 'node-under-test' });
  });
  afterEach(() => closeClients());
  afterAll(() => t?.close());

  const scrape = async () => (await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  it('answers liveness without the database and readiness with it', async () => {
    expect((await t.http().get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/api/health/ready').expect(200)).body).toEqual({
      status: 'ready',
      db: 'up',
      draining: false,
    });
  });

  it('keeps a safe X-Request-Id from the proxy and replaces an unsafe or overlong one', async () => {
    const nginxId = 'a3f1c2d4e5b6a7980123456789abcdef';
    const kept = await t.http().get('/api/health/live').set('X-Request-Id', nginxId).expect(200);
    expect(kept.headers['x-request-id']).toBe(nginxId);
    const longest = 'r'.repeat(128);
    expect((await t.http().get('/api/health/live').set('X-Request-Id', longest)).headers['x-request-id']).toBe(longest);
    for (const bad of ['r'.repeat(129), 'id with spaces', 'id;drop', '<script>']) {
      const replaced = await t.http().get('/api/health/live').set('X-Request-Id', bad).expect(200);
      expect(replaced.headers['x-request-id']).not.toBe(bad);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The error body names the same id.
    const missing = await t.http().get(`/api/events/${randomUUID()}`).set('X-Request-Id', nginxId).expect(404);
    expect(missing.body.error.requestId).toBe(nginxId);
  });

  it('refuses a scrape without the METRICS_TOKEN bearer', async () => {
    const none = await t.http().get('/metrics').expect(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    await t.http().get('/metrics').set('Authorization', 'Bearer wrong-token-of-some-length').expect(401);
    await t.http().get('/metrics').set('Authorization', TOKEN).expect(401);
  });

  it('exposes latency by route template, sockets, rooms, the pool, jobs and scheduler runs', async () => {
    const before = await scrape();
    const eventRoute = ['method="GET"', 'route="/api/events/:id"', 'status="404"'];
    const missingBefore = sample(before, 'http_request_duration_seconds_count', ...eventRoute) ?? 0;

    const unknown = randomUUID();
    await t.http().get(`/api/events/${unknown}`).expect(404);
    await t.http().get(`/api/events/${randomUUID()}`).expect(404);

    const event = await createEvent(t);
    const [alice, bob] = [await quickUser(t), await quickUser(t)];
    await registerFor(t, event.id, alice, bob);
    const sockets = [await connectLive(t, alice), await connectLive(t, bob)];
    for (const socket of sockets) await ok(socket, 'room:join', { room: `event:${event.id}` });

    const organiser = await loginOrganiser(t);
    const fair = await matchmakingEvent(t);
    const [korean, chinese] = [await firm(t), await firm(t)];
    await takePart(t, fair, korean);
    await takePart(t, fair, chinese);
    await acceptedRequest(t, fair, korean, chinese);
    await t.http().post(`/api/events/${fair.id}/schedule`).set(organiser.auth).send({ dryRun: true }).expect(200);

    // Timed jobs are counted by the runner every job goes through: the real sweep once, and a job
    // that fails (registered here; in tests nothing runs by itself).
    const jobs = t.app.get(TimedJobs);
    await jobs.runOnce('matchmaking-sweep');
    jobs.register('mail-digest', 60_000, async () => {
      throw new Error('SMTP down');
    });
    await jobs.runOnce('mail-digest');

    const text = await scrape();
    expect(sample(text, 'http_request_duration_seconds_count', ...eventRoute)).toBe(missingBefore + 2);
    expect(text).not.toContain(unknown); // route templates, never raw URLs
    expect(
      sample(text, 'http_request_duration_seconds_count', 'route="/api/events/:id/schedule"', 'status="200"'),
    ).toBe(1);
    expect(text).toContain('node="node-under-test"');
    expect(sample(text, 'ilr_socket_connections', 'namespace="/live"')).toBe(2);
    expect(sample(text, 'ilr_socket_room_members_max', 'namespace="/live"')).toBe(2);
    expect(sample(text, 'ilr_socket_rooms', 'namespace="/live"', 'min_members="1"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'ilr_socket_rooms', 'namespace="/live"', 'min_members="10"')).toBe(0);
    expect(sample(text, 'ilr_scheduler_runs_total', 'outcome="ok"', 'kind="dry_run"')).toBe(1);
    expect(sample(text, 'ilr_scheduler_run_duration_seconds_count', 'kind="dry_run"')).toBe(1);
    expect(sample(text, 'ilr_job_runs_total', 'job="matchmaking-sweep"')).toBe(1);
    expect(sample(text, 'ilr_job_duration_seconds_count', 'job="matchmaking-sweep"')).toBe(1);
    expect(sample(text, 'ilr_job_runs_total', 'job="mail-digest"')).toBe(1);
    expect(sample(text, 'ilr_job_failures_total', 'job="mail-digest"')).toBe(1);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{/m);
    expect(sample(text, 'ilr_draining')).toBe(0);
    if (t.databaseKind === 'mysql') {
      expect(sample(text, 'ilr_db_pool_connections', 'state="limit"')).toBeGreaterThan(0);
      expect(sample(text, 'ilr_db_pool_connections', 'state="free"')).toBeGreaterThanOrEqual(0);
    } else {
      expect(text).not.toMatch(/^ilr_db_pool_connections\{/m);
    }
  });

  // Last: the app stays draining until it is closed.
  it('says 503 on readiness once draining, and asks clients to close their connections, while /api/health stays as API.md says', async () => {
    t.app.get(AppLifecycle).startDraining();
    const ready = await t.http().get('/api/health/ready').expect(503);
    expect(ready.body).toEqual({ status: 'unavailable', db: 'up', draining: true });
    expect(ready.headers.connection).toBe('close');
    expect((await t.http().get('/api/health').expect(200)).body).toEqual({ status: 'ok', db: 'up' });
    await t.http().get('/api/health/live').expect(200);
    expect(sample(await scrape(), 'ilr_draining')).toBe(1);
  });
});

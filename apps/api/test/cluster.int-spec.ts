/**
 * Two API nodes on one database and one Redis: what must hold across nodes beyond the live rooms
 * (realtime-cluster.int-spec.ts) — login throttling counts attempts on every node, a write on one
 * node clears the other's public agenda cache, and a timed job runs once per tick, not once per node.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { TimedJobs } from '../src/cluster/timed-jobs';
import type { MetricsService } from '../src/metrics/metrics.service';
import type { AppConfig } from '../src/config/config';
import { addSession, createEvent, signUp, uniqueEmail } from './factories';
import type { TestApp } from './harness';
import { startCluster } from './realtime-harness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two API nodes sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await startCluster({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('counts failed logins on both nodes together, so switching nodes does not reset the limit', async () => {
    const email = uniqueEmail();
    await signUp(a, { email, password: 'the right password' });
    const attempt = (t: TestApp) => t.http().post('/api/auth/login').send({ email, password: 'a wrong password' });
    expect((await attempt(a)).status).toBe(401);
    expect((await attempt(b)).status).toBe(401);
    expect((await attempt(a)).status).toBe(401);
    const fourth = await attempt(b);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('RATE_LIMITED');
    expect((await attempt(a)).status).toBe(429);
    // Someone else's account is not affected.
    const other = uniqueEmail();
    await signUp(b, { email: other, password: 'the right password' });
    await a.http().post('/api/auth/login').send({ email: other, password: 'the right password' }).expect(200);
  });

  it("clears the other node's cached public agenda as soon as a session changes", async () => {
    const event = await createEvent(a);
    const session = await addSession(a, event.id, { body: { title: { en: 'Before' } } });
    const agendaOnB = async () => {
      const res = await b.http().get(`/api/events/${event.id}/agenda`).expect(200);
      return (res.body as { id: string; title: { en?: string } }[]).find((s) => s.id === session.id)!.title.en;
    };
    expect(await agendaOnB()).toBe('Before'); // stored in B's cache
    expect(await agendaOnB()).toBe('Before'); // served from it
    const organiser = await a
      .http()
      .post('/api/auth/login')
      .send({ email: a.config.organiser.email, password: a.config.organiser.password });
    await a
      .http()
      .patch(`/api/sessions/${session.id}`)
      .set('Authorization', `Bearer ${organiser.body.accessToken}`)
      .send({ title: { en: 'After' } })
      .expect(200);
    // Well within the cache's 2 s lifetime: only the message from node A can explain the change.
    const deadline = Date.now() + 1000;
    let seen = await agendaOnB();
    while (seen !== 'After' && Date.now() < deadline) {
      await sleep(25);
      seen = await agendaOnB();
    }
    expect(seen).toBe('After');
  });

  it('runs a timed job once per tick across the nodes, not once per node', async () => {
    const config = {
      nodeEnv: 'production',
      redisUrl: REDIS_URL,
      redisKeyPrefix: `ilr-test-jobs-${randomUUID().slice(0, 8)}`,
    } as AppConfig;
    const runs: string[] = [];
    // Node A's metrics: its registry shows the shared queue (the runs are counted in operability.int-spec).
    const registry = new Registry();
    const metricsOfA = { registry, timeJob: (_job: string, run: () => Promise<unknown>) => run() };
    const nodes = ['A', 'B'].map((name) => {
      const jobs = new TimedJobs(config, name === 'A' ? (metricsOfA as unknown as MetricsService) : undefined);
      jobs.register('tick', 250, async () => {
        runs.push(name);
      });
      return jobs;
    });
    await Promise.all(nodes.map((jobs) => jobs.onApplicationBootstrap()));
    const started = Date.now();
    await sleep(3000);
    const queue = (await registry.getSingleMetric('ilr_job_queue_jobs')!.get()).values;
    expect(queue.map((v) => v.labels.state).sort()).toEqual(['active', 'delayed', 'failed', 'waiting']);
    expect(queue.find((v) => v.labels.state === 'failed')?.value).toBe(0);
    expect(queue.find((v) => v.labels.state === 'delayed')?.value).toBeGreaterThanOrEqual(1);
    await Promise.all(nodes.map((jobs) => jobs.onApplicationShutdown()));
    const ticks = Math.ceil((Date.now() - started) / 250) + 1;
    // Run by both nodes on every tick, there would be about twice as many.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(ticks);
    const counted = nodes.reduce((sum, jobs) => sum + (jobs.counts.get('tick')?.runs ?? 0), 0);
    expect(counted).toBe(runs.length);
  });
});

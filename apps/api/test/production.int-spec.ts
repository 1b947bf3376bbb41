/**
 * The production build as a process (process-harness.ts): what its JSON logs carry and hide, and
 * its graceful shutdown under load — readiness 503 first, new connections refused, every request
 * sent before SIGTERM answered in full (slow ones included), sockets told to reconnect elsewhere,
 * exit 0.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, REALTIME_PATH } from '@ilr/shared';
import { DRAINING_EVENT } from '../src/lifecycle/app-lifecycle';
import { ORGANISER, uniqueEmail } from './factories';
import { ensureBuilt, startProcess, type AppProcess } from './process-harness';
import { sleep, waitFor } from './realtime-harness';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request on a connection of its own (no keep-alive): what the proxy does per upstream try. */
function send(
  app: AppProcess,
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: app.port, method, path, agent: false, headers: { ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'Content-Type': 'application/json' };

async function login(app: AppProcess, email: string, password: string): Promise<string> {
  const reply = await send(app, 'POST', '/api/auth/login', {
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { accessToken: string }).accessToken;
}

beforeAll(() => ensureBuilt(), 300_000);

describe('the production build: structured logs', () => {
  let app: AppProcess;
  beforeAll(async () => {
    // The node id from a .env file (as `npm start` reads it), a variable the environment leaves unset.
    app = await startProcess({}, '# the node\nNODE_ID=log-node-1\nLOG_LEVEL=debug\n');
  }, 120_000);
  afterAll(() => app?.close());

  it('names the node and the request in every line and never logs passwords, tokens or cookies', async () => {
    const memberPassword = 'member-password-not-for-logs-9431';
    const registered = await send(app, 'POST', '/api/auth/register', {
      headers: json,
      body: JSON.stringify({ email: uniqueEmail('logs'), password: memberPassword, displayName: 'Log Reader' }),
    });
    expect(registered.status).toBe(201);
    const memberToken = (JSON.parse(registered.body) as { accessToken: string }).accessToken;
    const token = await login(app, ORGANISER.email, ORGANISER.password);
    const wrong = await send(app, 'POST', '/api/auth/login', {
      headers: json,
      body: JSON.stringify({ email: ORGANISER.email, password: 'wrong-password-not-for-logs-5521' }),
    });
    expect(wrong.status).toBe(401);
    const cookie = 'session=cookie-value-not-for-logs-7781';
    const proxyId = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
    const me = await send(app, 'GET', '/api/me', {
      headers: { Authorization: `Bearer ${token}`, Cookie: cookie, 'X-Request-Id': proxyId },
    });
    expect(me.status).toBe(200);
    expect(me.headers['x-request-id']).toBe(proxyId);
    const refused = await send(app, 'GET', '/api/me', { headers: { 'X-Request-Id': 'x'.repeat(129) } });
    expect(refused.status).toBe(401);
    const newId = refused.headers['x-request-id'] as string;

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const output = app.lines.join('\n');
    for (const secret of [
      memberPassword,
      ORGANISER.password,
      'wrong-password-not-for-logs-5521',
      token,
      memberToken,
      'cookie-value-not-for-logs-7781',
    ])
      expect(output).not.toContain(secret);

    const logs = app.logs();
    expect(logs.length).toBe(app.lines.filter((line) => line.trim() !== '').length); // every line is JSON
    expect(logs.filter((line) => line.nodeId !== 'log-node-1')).toEqual([]);
    const requestLines = logs.filter((line) => line.req !== undefined);
    expect(requestLines.filter((line) => line.requestId !== (line.req as { id: string }).id)).toEqual([]);
    const meLine = requestLines.find((line) => line.requestId === proxyId);
    expect(meLine).toMatchObject({
      req: { url: '/api/me', headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      res: { statusCode: 200 },
    });
    expect(requestLines.find((line) => line.requestId === newId)).toMatchObject({ res: { statusCode: 401 } });
    // The start-up lines go through the JSON logger too; LOG_LEVEL=info from the environment beat the file's debug.
    const startup = logs.filter((line) => line.context === 'Startup').map((line) => String(line.msg));
    expect(startup).toContain('From .env: NODE_ID (the environment wins over the file).');
    expect(startup.some((msg) => msg.startsWith('International Living Room is running'))).toBe(true);
    expect(logs.filter((line) => Number(line.level) < 30)).toEqual([]);
  });
});

describe('the production build: graceful shutdown', () => {
  let app: AppProcess;
  beforeAll(async () => {
    // The drain delay makes "readiness says 503 before the listener closes" observable.
    app = await startProcess({ SHUTDOWN_DRAIN_DELAY_MS: '1500', SHUTDOWN_GRACE_MS: '30000' });
  }, 120_000);
  afterAll(() => app?.close());

  it('answers every request sent before SIGTERM, refuses new connections, moves sockets and exits 0', async () => {
    const token = await login(app, ORGANISER.email, ORGANISER.password);

    // Two live sockets; no automatic reconnection here, so the reason they were dropped is visible.
    const sockets = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = io(`${app.baseUrl}${LIVE_NAMESPACE}`, {
              path: REALTIME_PATH,
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
              auth: { token },
            });
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          }),
      ),
    );
    const socketEvents = sockets.map((socket) => {
      const seen: unknown[] = [];
      socket.on(DRAINING_EVENT, (notice: unknown) => seen.push({ notice, alive: !app.hasExited() }));
      socket.on('disconnect', (reason) => seen.push({ disconnect: reason }));
      return seen;
    });

    // Slow requests: headers and half the body now, the rest once the listener has closed.
    const slow = [1, 2, 3].map(() => {
      const body = JSON.stringify({ email: ORGANISER.email, password: ORGANISER.password });
      let finish = () => undefined as void;
      const reply = new Promise<Reply>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: app.port,
            method: 'POST',
            path: '/api/auth/login',
            agent: false,
            headers: { ...json, 'Content-Length': String(Buffer.byteLength(body)) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        finish = () => req.end(body.slice(10));
      });
      return { reply, finish: () => finish() };
    });

    // A stream of concurrent requests that goes on until each loop meets a refused connection.
    let signalled = false;
    let sent = 0;
    const outcomes: { id: string; beforeSignal: boolean; status?: number; complete?: boolean; error?: string }[] = [];
    const loop = async () => {
      for (;;) {
        const beforeSignal = !signalled;
        const id = `load-${++sent}`;
        try {
          const reply = await send(app, 'GET', '/api/sectors', { headers: { 'X-Request-Id': id } });
          const complete = Array.isArray(JSON.parse(reply.body));
          outcomes.push({ id, beforeSignal, status: reply.status, complete });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          outcomes.push({ id, beforeSignal, error: code });
          if (code === 'ECONNREFUSED') return;
        }
      }
    };
    const loops = Array.from({ length: 6 }, loop);
    await waitFor(() => outcomes.length >= 30, 'some traffic before the signal');
    await sleep(100); // the slow requests' first bytes are in

    signalled = true;
    app.child.kill('SIGTERM');

    // 1. Readiness goes 503 while the node still answers.
    let ready: Reply | undefined;
    while (ready?.status !== 503) ready = await send(app, 'GET', '/api/health/ready');
    expect(JSON.parse(ready.body)).toEqual({ status: 'unavailable', db: 'up', draining: true });
    expect(ready.headers.connection).toBe('close');

    // 2. Then new connections are refused while the slow requests keep the process alive.
    await Promise.all(loops);
    let refused: string | undefined;
    await send(app, 'GET', '/api/health/live').catch((error: NodeJS.ErrnoException) => (refused = error.code));
    expect(refused).toBe('ECONNREFUSED');
    expect(app.hasExited()).toBe(false);

    // 3. The sockets were told to reconnect, then their connection closed (socket.io clients reconnect after
    //    a "transport close", unlike after a server-side disconnect).
    await waitFor(() => socketEvents.every((seen) => seen.length === 2), 'draining notices and disconnects');
    for (const seen of socketEvents)
      expect(seen).toEqual([{ notice: { reconnect: true }, alive: true }, { disconnect: 'transport close' }]);

    // 4. The slow requests finish and get full answers.
    slow.forEach((request) => request.finish());
    const slowReplies = await Promise.all(slow.map((request) => request.reply));
    for (const reply of slowReplies) {
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toHaveProperty('accessToken');
    }

    // 5. Every request sent before the signal was answered in full.
    const before = outcomes.filter((o) => o.beforeSignal);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(before.filter((o) => o.status !== 200 || !o.complete)).toEqual([]);

    expect(await app.exited).toBe(0);

    // After it: full answers, refused connections, or connections reset by the kernel when the listener
    // closed with them still in its accept queue — the app never saw those (no log line names them), so
    // nothing was cut mid-request and a proxy may retry them on another node.
    const seen = new Set(app.logs().map((line) => line.requestId));
    const after = outcomes.filter((o) => !o.beforeSignal);
    const served = after.filter((o) => o.status === 200 && o.complete);
    expect(served.length).toBeGreaterThan(0); // during the drain delay
    expect(served.filter((o) => !seen.has(o.id))).toEqual([]); // the check below can see what the app took
    const neverTaken = (o: (typeof after)[number]) =>
      o.error === 'ECONNREFUSED' || (o.error === 'ECONNRESET' && !seen.has(o.id));
    expect(after.filter((o) => !(o.status === 200 && o.complete) && !neverTaken(o))).toEqual([]);

    const shutdown = app
      .logs()
      .filter((line) => line.context === 'Shutdown')
      .map((line) => String(line.msg));
    expect(shutdown).toEqual([
      'SIGTERM received',
      expect.stringMatching(/^draining: readiness answers 503/),
      expect.stringMatching(/^listener closed; 2 sockets told to reconnect elsewhere/),
      'closed',
    ]);
  });
});

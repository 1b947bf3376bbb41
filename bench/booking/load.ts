/**
 * The booking benchmark's load generator, in its own process so it never shares an event loop
 * with the server: reads a plan of phases (bench/booking/protocol.ts), and for each phase sends
 * its `POST`s with at most `concurrency` in flight over as many keep-alive connections, opened
 * beforehand so that connecting is not part of the figure. A phase whose concurrency equals its
 * number of requests sends them all in the same tick (the contention rounds). Prints one JSON line
 * (LoadResult) with every phase's status counts, error codes, latencies and rate, and the CPU this
 * process used while it ran (on 2 shared cores a busy client limits the figure, so it is reported).
 *
 *   node --import tsx bench/booking/load.ts <plan.json>
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { LoadPlan, LoadResult, PhaseResult, PlannedRequest } from './protocol';

const TIMEOUT_MS = 60_000;

interface Answer {
  status: number;
  code: string | null;
  ms: number;
  error?: string;
}

function send(agent: Agent, base: URL, r: PlannedRequest): Promise<Answer> {
  const body = JSON.stringify(r.body);
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: r.path,
        timeout: TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${r.token}`,
          ...r.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let code: string | null = null;
          if ((res.statusCode ?? 0) >= 400) {
            try {
              code =
                (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } }).error?.code ??
                null;
            } catch {
              code = 'UNPARSABLE_BODY';
            }
          }
          resolve({ status: res.statusCode ?? 0, code, ms: elapsed() });
        });
        res.on('error', (e) => resolve({ status: 0, code: null, ms: elapsed(), error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, code: null, ms: elapsed(), error: e.message }));
    req.end(body);
  });
}

/** Opens `n` keep-alive connections (one GET /api/health on each, all at once) and keeps them. */
async function warm(agent: Agent, base: URL, n: number): Promise<void> {
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<void>((resolve, reject) => {
          const req = request({ agent, host: base.hostname, port: base.port, path: '/api/health' }, (res) => {
            res.resume();
            res.on('end', () => resolve());
          });
          req.on('error', reject);
          req.end();
        }),
    ),
  );
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
const round1 = (x: number) => Math.round(x * 10) / 10;

async function runPhase(base: URL, phase: LoadPlan['phases'][number]): Promise<PhaseResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: phase.concurrency, maxFreeSockets: phase.concurrency });
  await warm(agent, base, phase.concurrency);
  const answers: Answer[] = new Array(phase.requests.length);
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const client = async () => {
    while (next < phase.requests.length) {
      const i = next++;
      answers[i] = await send(agent, base, phase.requests[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(phase.concurrency, phase.requests.length) }, client));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const errors: string[] = [];
  for (const a of answers) {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    if (a.code) codes[a.code] = (codes[a.code] ?? 0) + 1;
    if (a.error && errors.length < 5) errors.push(a.error);
  }
  const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
  return {
    name: phase.name,
    requests: answers.length,
    concurrency: phase.concurrency,
    wallMs: round1(wallMs),
    perSecond: round1((answers.length / wallMs) * 1000),
    statuses,
    codes,
    latencyMs: { p50: round1(pct(ms, 50)), p99: round1(pct(ms, 99)), max: round1(ms[ms.length - 1] ?? NaN) },
    networkErrors: answers.filter((a) => a.status === 0).length,
    firstErrors: errors,
    clientCpuPercent: round1(((cpu.user + cpu.system) / 1000 / wallMs) * 100),
  };
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadPlan;
  const base = new URL(plan.base);
  const phases: PhaseResult[] = [];
  for (const phase of plan.phases) phases.push(await runPhase(base, phase));
  const result: LoadResult = { phases };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The login benchmark's load generator, in its own process: `clients` concurrent keep-alive
 * clients work through a list of requests (logins of existing accounts, or registrations of new
 * people) as fast as the server answers, and print one JSON line: statuses, latencies, wall time
 * and this process's CPU (a busy client would limit the figure, so it is reported).
 *   node --import tsx bench/login/load.ts <plan.json>
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface LoginLoadPlan {
  base: string;
  clients: number;
  path: '/api/auth/login' | '/api/auth/register';
  bodies: object[];
}

export interface LoginLoadResult {
  wallMs: number;
  latenciesMs: number[];
  statuses: Record<string, number>;
  clientCpuPercent: number;
}

function post(agent: Agent, base: string, path: string, body: object): Promise<number> {
  const data = JSON.stringify(body);
  const url = new URL(path, base);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoginLoadPlan;
  const agent = new Agent({ keepAlive: true, maxSockets: plan.clients });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: plan.clients }, async () => {
      while (next < plan.bodies.length) {
        const body = plan.bodies[next++];
        const t0 = performance.now();
        const status = await post(agent, plan.base, plan.path, body);
        latenciesMs.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const result: LoginLoadResult = {
    wallMs,
    latenciesMs,
    statuses,
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 1000) / 10,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  agent.destroy();
}

void main();

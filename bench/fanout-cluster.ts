/**
 * Benchmark `fanout-cluster`: as `fanout`, but two API processes (production build) share Redis
 * (the socket.io Redis adapter) and one database; the client processes are split over both nodes
 * and the sender is on the first, so half the deliveries cross nodes. Baseline, same run: the
 * API on one process with the same clients, database kind and rate.
 *
 * The database is a fresh MySQL database on $MYSQL_URL (default mysql://root@127.0.0.1:3306),
 * dropped afterwards, or with `--db sqlite` one SQLite file both nodes open. Redis: $REDIS_URL
 * (default redis://127.0.0.1:6379).
 *
 *   npx tsx bench/fanout-cluster.ts [--clients 2000] [--rate 10] [--seconds 30] [--processes 2] [--rounds 1] [--db mysql]
 *   (npm run bench:fanout-cluster)
 */
import { parseArgs } from './common/args';
import { ensureBuild, newCredentials, runMain, scratchSqlite, stop } from './common/processes';
import { machine, type Verdict } from './common/report';
import { FANOUT_DEFAULTS, measureApi, measureNodes, type FanoutArgs } from './fanout/measure';
import type { PhaseResult } from './fanout/phase';
import { scratchMysql, startApi } from './fanout/processes';
import { deliveryVerdicts, finish, medianRound } from './fanout/report';

const TARGETS = { deliveryPercent: 100, gaps: 0, p99ToSingleNode: 2 };
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type ClusterArgs = FanoutArgs & { db: string };

const freshDatabase = (args: ClusterArgs, name: string) =>
  args.db === 'sqlite' ? Promise.resolve(scratchSqlite(name)) : scratchMysql(MYSQL_URL, name);

async function measureCluster(args: ClusterArgs): Promise<PhaseResult> {
  const server = { databaseUrl: await freshDatabase(args, 'cluster'), ...newCredentials(), redisUrl: REDIS_URL };
  // One after the other: the first applies the migrations.
  const a = await startApi(server);
  const b = await startApi(server).catch(async (error: unknown) => {
    await stop(a);
    throw error;
  });
  try {
    return await measureNodes(args, server, [a, b], 'API, 2 processes + Redis', Math.max(2, args.processes));
  } finally {
    await Promise.all([stop(a), stop(b)]);
  }
}

async function main(): Promise<void> {
  const args = parseArgs({ ...FANOUT_DEFAULTS, db: 'mysql' }) as unknown as ClusterArgs;
  if (args.db !== 'mysql' && args.db !== 'sqlite') throw new Error('--db must be mysql or sqlite');
  ensureBuild();
  console.log(
    `fanout-cluster: ${args.clients} clients, ${args.rate} msg/s for ${args.seconds} s (+${args.warmup} s warm-up), ${args.db}, Redis ${REDIS_URL}, ${args.rounds} round(s)`,
  );
  // Single node and cluster alternate; with several rounds the verdicts use the median one.
  const rounds: { cluster: PhaseResult; single: PhaseResult; ratio: number; loadAverage: number }[] = [];
  for (let round = 1; round <= args.rounds; round++) {
    console.log(`round ${round}: single node…`);
    const single = await measureApi(args, await freshDatabase(args, 'single'), 'API, 1 process');
    console.log(`round ${round}: two nodes…`);
    const cluster = await measureCluster(args);
    const ratio = cluster.latencyMs.p99 / single.latencyMs.p99;
    rounds.push({ cluster, single, ratio, loadAverage: machine().loadAverage1m });
    console.log(
      `round ${round}: p99 ${cluster.latencyMs.p99} ms, single node ${single.latencyMs.p99} ms (${ratio.toFixed(2)} ×)`,
    );
  }
  const { cluster, single, ratio } = medianRound(rounds, (r) => r.ratio);
  const list: Verdict[] = [
    ...deliveryVerdicts(
      rounds.map((r) => r.cluster),
      TARGETS,
      'deliveries across nodes',
    ),
    {
      target: `p99 ≤ ${TARGETS.p99ToSingleNode} × single-node p99`,
      measured: `${ratio.toFixed(2)} × (${cluster.latencyMs.p99} / ${single.latencyMs.p99} ms)`,
      pass: ratio <= TARGETS.p99ToSingleNode,
    },
  ];
  const report = {
    name: 'fanout-cluster',
    measuredAt: new Date().toISOString(),
    command: `npx tsx bench/fanout-cluster.ts --clients ${args.clients} --rate ${args.rate} --seconds ${args.seconds} --processes ${args.processes} --rounds ${args.rounds} --db ${args.db}`,
    machine: machine(),
    args,
    targets: TARGETS,
    /** The median round (by p99 ratio); every round is in `rounds`. */
    cluster,
    singleNode: single,
    p99Ratio: Math.round(ratio * 100) / 100,
    rounds,
  };
  finish(report, list, [cluster, single]);
}

runMain(main);

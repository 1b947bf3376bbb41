/**
 * Benchmark `fanout`: N authenticated socket.io clients (websocket transport) in one `session:`
 * room of the real production build (fresh SQLite file); a sender posts `chat:send` at R messages
 * a second for S seconds; latency is send → receive at every client. Baseline, same run: a bare
 * socket.io server broadcasting the same payload to the same N clients. Clients run in their own
 * processes. See docs/benchmarks.md.
 *
 * The audience is inserted straight into the database (users + registrations) and gets access
 * tokens minted with the server's JWT_SECRET: 2,000 registrations through the API would spend
 * minutes in argon2. The organiser (created at start-up) logs in through the API, creates the
 * event and session through the API, and is the sender.
 *
 *   npx tsx bench/fanout.ts [--clients 2000] [--rate 10] [--seconds 30] [--processes 2] [--rounds 1]
 *   (npm run bench:fanout; builds the API with `nest build api` when the build is missing or stale)
 */
import { parseArgs } from './common/args';
import { ensureBuild, runMain, scratchSqlite } from './common/processes';
import { machine, type Verdict } from './common/report';
import { FANOUT_DEFAULTS, measureApi, measureBare, type FanoutArgs } from './fanout/measure';
import type { PhaseResult } from './fanout/phase';
import { deliveryVerdicts, finish, medianRound } from './fanout/report';

const TARGETS = {
  deliveryPercent: 100,
  gaps: 0,
  p99Ms: 250,
  p99ToBaseline: 1.5,
  rssPerSocketKb: 60,
  joinSeconds: 30,
};

async function main(): Promise<void> {
  const args = parseArgs(FANOUT_DEFAULTS) as unknown as FanoutArgs;
  ensureBuild();
  console.log(
    `fanout: ${args.clients} clients in ${args.processes} processes, ${args.rate} msg/s for ${args.seconds} s (+${args.warmup} s warm-up), ${args.rounds} round(s)`,
  );
  // Baseline and API alternate, so that a neighbour's burst of work on this shared machine lands
  // on both sides as often as possible; with several rounds the verdicts use the median one.
  const rounds: { api: PhaseResult; baseline: PhaseResult; ratio: number; loadAverage: number }[] = [];
  for (let round = 1; round <= args.rounds; round++) {
    console.log(`round ${round}: bare socket.io server…`);
    const baseline = await measureBare(args);
    console.log(`round ${round}: API, production build on a fresh SQLite file…`);
    const api = await measureApi(args, scratchSqlite('fanout'), 'API (production build)');
    const ratio = api.latencyMs.p99 / baseline.latencyMs.p99;
    rounds.push({ api, baseline, ratio, loadAverage: machine().loadAverage1m });
    console.log(
      `round ${round}: p99 ${api.latencyMs.p99} ms, bare ${baseline.latencyMs.p99} ms (${ratio.toFixed(2)} ×)`,
    );
  }
  const { api, baseline, ratio } = medianRound(rounds, (r) => r.ratio);

  const T = TARGETS;
  const rssPerSocket = api.servers[0].rssPerSocketKb;
  const list: Verdict[] = [
    ...deliveryVerdicts(
      rounds.map((r) => r.api),
      T,
    ),
    { target: `p99 ≤ ${T.p99Ms} ms`, measured: `${api.latencyMs.p99} ms`, pass: api.latencyMs.p99 <= T.p99Ms },
    {
      target: `p99 ≤ ${T.p99ToBaseline} × bare p99`,
      measured: `${ratio.toFixed(2)} × (${api.latencyMs.p99} / ${baseline.latencyMs.p99} ms)`,
      pass: ratio <= T.p99ToBaseline,
    },
    {
      target: `RSS growth ≤ ${T.rssPerSocketKb} KB/socket`,
      measured: `${rssPerSocket ?? '?'} KB`,
      pass: rssPerSocket !== null && rssPerSocket <= T.rssPerSocketKb,
    },
    {
      target: `all join ≤ ${T.joinSeconds} s`,
      measured: `${api.joinSeconds} s`,
      pass: api.joined === api.clients && api.joinSeconds <= T.joinSeconds,
    },
  ];
  const report = {
    name: 'fanout',
    measuredAt: new Date().toISOString(),
    command: `npx tsx bench/fanout.ts --clients ${args.clients} --rate ${args.rate} --seconds ${args.seconds} --processes ${args.processes} --rounds ${args.rounds}`,
    machine: machine(),
    args,
    targets: T,
    /** The median round (by p99 ratio); every round is in `rounds`. */
    api,
    baseline,
    p99Ratio: Math.round(ratio * 100) / 100,
    rounds,
  };
  finish(report, list, [api, baseline]);
}

runMain(main);

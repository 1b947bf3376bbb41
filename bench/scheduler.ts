/**
 * Scheduler benchmark (BENCHMARKS.md). Run: `npx tsx bench/scheduler.ts [--seeds N]`.
 *
 * S (60 firms, 300 requests, 8 slots, 10 tables): N seeds (default 20) against the exact optimum
 * from HiGHS. M (1,000 firms, 6,000 requests, 16 slots, 120 tables), M′ (M with 600 tables, so
 * that the firms' availability binds rather than the tables) and L (5,000 firms, 30,000
 * requests, 16 slots, 600 tables): min(N, 5), min(N, 5) and min(N, 3) seeds against the
 * scheduler's own proven upper bound. Every result, the greedy baseline's too, goes through the
 * independent checker. M′ and L run in a child process each, as the API runs the scheduler in a
 * fresh worker: cold, with a peak RSS of their own. Prints a table and whether each target is
 * met, and writes bench/results/scheduler.json. Asserts nothing.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { checkSchedule, greedySchedule, schedule, type ScheduleInput, type ScheduleResult } from '@ilr/scheduler';
import { generateInstance, INSTANCES } from './scheduler/generator';
import { solveExact } from './scheduler/ilp';

type Size = keyof typeof INSTANCES;

interface Row {
  instance: Size;
  seed: number;
  meetings: number;
  weight: number;
  /** Exact optimum (S) or the scheduler's proven upper bound (M, M′, L). */
  referenceWeight: number;
  referenceMeetings: number;
  weightRatio: number;
  meetingRatio: number;
  greedyMeetings: number;
  greedyWeight: number;
  greedyWeightRatio: number;
  gaps: number;
  greedyGaps: number;
  timeMs: number;
  cpuMs: number;
  peakRssMb: number | null;
  /** True if the scheduler's own time limit (default 10 s) cut the search. */
  timedOut: boolean;
  violations: number;
  greedyViolations: number;
}

interface ChildReport {
  result: ScheduleResult;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

const weightOf = (input: ScheduleInput, ids: Iterable<string>) => {
  const weights = new Map(input.requests.map((r) => [r.id, r.weight ?? 1]));
  let total = 0;
  for (const id of ids) total += weights.get(id)!;
  return total;
};

/** Runs the scheduler on one instance, timed; `peakRssMb` is filled in for child runs only. */
function timedRun(size: Size, seed: number): ChildReport {
  const input = generateInstance(INSTANCES[size], seed);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = schedule(input, { seed });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** The same, in a fresh Node process (same loader, via execArgv): its maxRSS is the run's own. */
function runInChild(size: Size, seed: number): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', size, String(seed)], { serialization: 'advanced' });
    child.once('message', (report) => resolve(report as ChildReport));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
  });
}

async function measure(size: Size, seed: number): Promise<Row> {
  const input = generateInstance(INSTANCES[size], seed);
  const isolated = size === 'L' || size === "M'";
  const { result, wallMs, cpuMs, maxRssMb } = isolated ? await runInChild(size, seed) : timedRun(size, seed);
  const greedy = greedySchedule(input);
  const fixedIds = (input.fixed ?? []).map((m) => m.requestId);
  const scheduledIds = [...fixedIds, ...result.meetings.map((m) => m.requestId)];
  let referenceWeight = result.weightUpperBound;
  let referenceMeetings = result.upperBound;
  if (size === 'S') {
    const [byWeight, byCount] = [await solveExact(input, 'weight'), await solveExact(input, 'meetings')];
    if (byWeight.status !== 'Optimal' || byCount.status !== 'Optimal')
      throw new Error('HiGHS did not prove optimality');
    // The reference must itself be a valid schedule: the checker sees the ILP's too.
    const fixed = new Set((input.fixed ?? []).map((m) => m.requestId));
    for (const exact of [byWeight, byCount]) {
      const violations = checkSchedule(input, { meetings: exact.meetings.filter((m) => !fixed.has(m.requestId)) });
      if (violations.length > 0) throw new Error(`ILP solution invalid: ${violations[0].message}`);
    }
    referenceWeight = Math.round(byWeight.value);
    referenceMeetings = Math.round(byCount.value);
  }
  const weight = weightOf(input, scheduledIds);
  const greedyWeight = greedy.stats.totalWeight;
  return {
    instance: size,
    seed,
    meetings: scheduledIds.length,
    weight,
    referenceWeight,
    referenceMeetings,
    weightRatio: weight / referenceWeight,
    meetingRatio: scheduledIds.length / referenceMeetings,
    greedyMeetings: greedy.stats.meetingCount,
    greedyWeight,
    greedyWeightRatio: greedyWeight / referenceWeight,
    gaps: result.stats.gaps,
    greedyGaps: greedy.stats.gaps,
    timeMs: wallMs,
    cpuMs,
    peakRssMb: isolated ? maxRssMb : null,
    timedOut: result.stats.timedOut,
    violations: checkSchedule(input, result).length,
    greedyViolations: checkSchedule(input, greedy).length,
  };
}

/** Same input and seed twice (in this process): the schedules must be identical. */
function deterministic(size: Size, seed: number): boolean {
  const input = generateInstance(INSTANCES[size], seed);
  const strip = ({ meetings, unscheduled, upperBound, weightUpperBound }: ScheduleResult) =>
    JSON.stringify({ meetings, unscheduled, upperBound, weightUpperBound });
  return strip(schedule(input, { seed })) === strip(schedule(input, { seed }));
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

async function main(): Promise<void> {
  const at = process.argv.indexOf('--seeds');
  const seeds = at > 0 ? Number(process.argv[at + 1]) : 20;
  const plan: [Size, number][] = [
    ['S', seeds],
    ['M', Math.min(seeds, 5)],
    ["M'", Math.min(seeds, 5)],
    ['L', Math.min(seeds, 3)],
  ];
  const rows: Row[] = [];
  // The machine may be shared: the load average tells how far wall times can be trusted.
  const loadBefore = loadavg()[0];
  console.log(
    'inst seed | meetings  weight | reference (w / n) | ratio w   ratio n  | greedy w  ratio    | gaps (greedy) | time ms  cpu ms | RSS MB | violations',
  );
  for (const [size, count] of plan) {
    for (let seed = 1; seed <= count; seed++) {
      const row = await measure(size, seed);
      rows.push(row);
      console.log(
        [
          `${size.padEnd(4)} ${String(seed).padStart(4)}`,
          `${String(row.meetings).padStart(8)} ${String(row.weight).padStart(7)}`,
          `${size === 'S' ? 'OPT' : 'UB '} ${String(row.referenceWeight).padStart(6)} / ${String(row.referenceMeetings).padEnd(5)}`,
          `${pct(row.weightRatio).padStart(8)} ${pct(row.meetingRatio).padStart(8)}`,
          `${String(row.greedyWeight).padStart(8)} ${pct(row.greedyWeightRatio).padStart(8)}`,
          `${String(row.gaps).padStart(5)} (${String(row.greedyGaps).padStart(5)})`,
          `${row.timeMs.toFixed(0).padStart(7)} ${row.cpuMs.toFixed(0).padStart(7)}`,
          `${row.peakRssMb === null ? '     -' : row.peakRssMb.toFixed(0).padStart(6)}`,
          `${row.violations} (greedy ${row.greedyViolations})${row.timedOut ? ' TIMED OUT' : ''}`,
        ].join(' | '),
      );
    }
  }

  const of = (size: Size) => rows.filter((r) => r.instance === size);
  const sOptimal = of('S').filter((r) => r.weight === r.referenceWeight).length;
  const worst = (size: Size) => Math.min(...of(size).map((r) => r.weightRatio));
  const worstMeetings = (size: Size) => Math.min(...of(size).map((r) => r.meetingRatio));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const times = (size: Size) => {
    const wall = of(size).map((r) => r.timeMs);
    const cpu = of(size).map((r) => r.cpuMs);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return {
      max: Math.max(...wall),
      text: `median ${s(median(wall))}, max ${s(Math.max(...wall))} wall; median ${s(median(cpu))}, max ${s(Math.max(...cpu))} CPU`,
    };
  };
  const lTime = times('L');
  const mpTime = times("M'");
  const loadAfter = loadavg()[0];
  const lRss = Math.max(...of('L').map((r) => r.peakRssMb ?? 0));
  const sameTwice = deterministic('M', 1) && deterministic("M'", 1);
  const targets: [string, boolean, string][] = [
    [
      'valid on every instance (checker)',
      rows.every((r) => r.violations === 0),
      `${rows.length} runs, ${rows.reduce((n, r) => n + r.violations, 0)} violations`,
    ],
    [
      `S: weight = optimum on >= ${Math.ceil(0.95 * of('S').length)} of ${of('S').length} seeds`,
      sOptimal >= Math.ceil(0.95 * of('S').length),
      `${sOptimal} of ${of('S').length}`,
    ],
    ['S: weight >= 99 % of optimum on all seeds', worst('S') >= 0.99, `worst ${pct(worst('S'))}`],
    [
      'M: weight and meetings >= 97 % of upper bound',
      Math.min(worst('M'), worstMeetings('M')) >= 0.97,
      `worst ${pct(worst('M'))} / ${pct(worstMeetings('M'))}`,
    ],
    [
      "M': weight >= 99 % of upper bound",
      worst("M'") >= 0.99,
      `worst ${pct(worst("M'"))} (meetings ${pct(worstMeetings("M'"))})`,
    ],
    ["M': <= 2 s", mpTime.max <= 2_000, mpTime.text],
    [
      'L: weight and meetings >= 97 % of upper bound',
      Math.min(worst('L'), worstMeetings('L')) >= 0.97,
      `worst ${pct(worst('L'))} / ${pct(worstMeetings('L'))}`,
    ],
    ['L: <= 2 s', lTime.max <= 2_000, lTime.text],
    ['L: <= 1 GB peak RSS', lRss <= 1024, `max ${lRss.toFixed(0)} MB`],
    ["deterministic for a seed (M and M' seed 1 twice)", sameTwice, sameTwice ? 'identical' : 'different'],
  ];
  console.log('\nTargets');
  for (const [name, met, detail] of targets) console.log(`  ${met ? 'MET    ' : 'NOT MET'}  ${name}: ${detail}`);

  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: [loadBefore, loadAfter],
  };
  const out = join(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'scheduler.json'),
    `${JSON.stringify({ machine, instances: INSTANCES, rows, targets: targets.map(([name, met, detail]) => ({ name, met, detail })) }, null, 2)}\n`,
  );
  console.log(
    `\nMachine: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}.`,
  );
  console.log('Wrote bench/results/scheduler.json');
}

if (process.argv[2] === '--child') {
  const report = timedRun(process.argv[3] as Size, Number(process.argv[4]));
  process.send!(report, () => process.exit(0));
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

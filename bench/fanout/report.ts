/**
 * What the fanout benchmarks report: a table of phases, the delivery verdicts, the median round,
 * and the summary they end with.
 */
import { printVerdicts, withVerdicts, writeResults, type Machine, type Verdict } from '../common/report';
import type { PhaseResult } from './phase';

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** One column per phase. */
export function table(phases: PhaseResult[]): string {
  const rows: [string, (p: PhaseResult) => string][] = [
    ['clients joined', (p) => `${p.joined}/${p.clients}`],
    ['join time (all clients)', (p) => `${p.joinSeconds.toFixed(1)} s`],
    ['messages measured', (p) => `${p.sent} (send errors ${p.sendErrors})`],
    ['deliveries', (p) => `${p.deliveries.percent} % of ${p.deliveries.expected}`],
    ['seq gaps / duplicates', (p) => `${p.gaps} / ${p.duplicates}${p.seqsContiguous ? '' : ' (acks not contiguous!)'}`],
    ['latency p50', (p) => ms(p.latencyMs.p50)],
    ['latency p90', (p) => ms(p.latencyMs.p90)],
    ['latency p99', (p) => ms(p.latencyMs.p99)],
    ['latency p99.9 / max', (p) => `${ms(p.latencyMs.p999)} / ${ms(p.latencyMs.max)}`],
    ['sender ack p50 / p99', (p) => `${ms(p.ackMs.p50)} / ${ms(p.ackMs.p99)}`],
    ['server CPU (% of a core)', (p) => p.servers.map((s) => `${s.cpuPercent ?? '?'} %`).join(' + ')],
    ['server CPU per join', (p) => p.servers.map((s) => `${s.joinCpuMsPerClient ?? '?'} ms`).join(' + ')],
    ['server RSS growth/socket', (p) => p.servers.map((s) => `${s.rssPerSocketKb ?? '?'} KB`).join(' + ')],
    ['server RSS before/joined', (p) => p.servers.map((s) => `${s.rssBeforeMb}→${s.rssAfterJoinMb} MB`).join(' + ')],
    ['client processes CPU', (p) => p.clientProcesses.map((c) => `${c.cpuPercent} %`).join(' + ')],
    ['client event-loop p99', (p) => p.clientProcesses.map((c) => ms(c.eventLoopDelayP99Ms)).join(' + ')],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const columns = phases.map((p) => Math.max(p.name.length, ...rows.map(([, cell]) => cell(p).length)) + 2);
  const line = (label: string, cells: string[]) =>
    label.padEnd(width) + cells.map((c, i) => c.padEnd(columns[i])).join('');
  return [
    line(
      '',
      phases.map((p) => p.name),
    ),
    ...rows.map(([label, cell]) => line(label, phases.map(cell))),
  ].join('\n');
}

/**
 * The verdicts on delivery over every round's measured phase: every message reached every client,
 * and no client saw a seq gap or a duplicate.
 */
export function deliveryVerdicts(
  phases: PhaseResult[],
  targets: { deliveryPercent: number; gaps: number },
  deliveries = 'deliveries',
): Verdict[] {
  return [
    {
      target: `${deliveries} = ${targets.deliveryPercent} %`,
      measured: phases.map((p) => `${p.deliveries.percent} %`).join(', '),
      pass: phases.every((p) => p.deliveries.percent >= targets.deliveryPercent),
    },
    {
      target: 'seq gaps = 0',
      measured: phases
        .map((p) => `${p.gaps} gaps, ${p.duplicates} dups${p.seqsContiguous ? '' : ', acks not contiguous'}`)
        .join('; '),
      pass: phases.every((p) => p.gaps === targets.gaps && p.seqsContiguous && p.duplicates === 0),
    },
  ];
}

/** The round with the median of `key` (the lower middle one for an even count). */
export function medianRound<T>(rounds: T[], key: (round: T) => number): T {
  return [...rounds].sort((a, b) => key(a) - key(b))[Math.floor((rounds.length - 1) / 2)];
}

/**
 * Adds the verdicts to the report and writes it to bench/results/<name>.json, then prints the
 * median round's table (one column per phase), the verdicts and the machine; a missed target
 * makes the run fail.
 */
export function finish(
  report: { name: string; machine: Machine; rounds: unknown[] },
  list: Verdict[],
  phases: PhaseResult[],
): void {
  const judged = withVerdicts(report, list);
  const file = writeResults(judged);
  console.log('');
  if (report.rounds.length > 1) console.log('the median round:');
  console.log(table(phases));
  printVerdicts(judged, file);
}

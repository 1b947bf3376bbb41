/** Tables, verdicts and the machine description for the fanout benchmarks. */
import { cpus, loadavg } from 'node:os';
import type { PhaseResult } from './phase';

export function machine() {
  return {
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

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

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

export function verdicts(list: Verdict[]): string {
  const width = Math.max(...list.map((v) => v.target.length)) + 2;
  const measuredWidth = Math.max(...list.map((v) => v.measured.length)) + 2;
  return list
    .map((v) => `${v.target.padEnd(width)}${v.measured.padEnd(measuredWidth)}${v.pass ? 'PASS' : 'FAIL'}`)
    .join('\n');
}

export function parseArgs(defaults: Record<string, number | string>): Record<string, number | string> {
  const args = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in defaults) || argv[i + 1] === undefined) {
      throw new Error(
        `unknown or incomplete option ${argv[i]} (options: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(', ')})`,
      );
    }
    args[key] = typeof defaults[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
    if (typeof defaults[key] === 'number' && !(Number(argv[i + 1]) > 0))
      throw new Error(`--${key} must be a positive number`);
  }
  return args;
}

/** The round with the median of `key` (the lower middle one for an even count). */
export function medianRound<T>(rounds: T[], key: (round: T) => number): T {
  return [...rounds].sort((a, b) => key(a) - key(b))[Math.floor((rounds.length - 1) / 2)];
}

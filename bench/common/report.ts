/**
 * What every benchmark reports: the machine it ran on, verdicts against its targets, percentiles,
 * and its figures written to bench/results/<name>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './processes';

const RESULTS_DIR = join(ROOT, 'bench/results');

export interface Machine {
  nproc: number;
  cpuModel: string;
  node: string;
  loadAverage1m: number;
}

export function machine(): Machine {
  return {
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

/** Writes the report to bench/results/<report.name>.json; returns the file's path. */
export function writeResults(report: { name: string }): string {
  const file = join(RESULTS_DIR, `${report.name}.json`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export interface Verdict {
  target: string;
  measured: string;
  pass: boolean;
}

/** The report with its last two fields: the verdicts, and whether every target was met. */
export function withVerdicts<R extends object>(
  report: R,
  list: Verdict[],
): R & { verdicts: Verdict[]; allTargetsMet: boolean } {
  return { ...report, verdicts: list, allTargetsMet: list.every((v) => v.pass) };
}

/** One line per target: the target, what was measured, PASS or FAIL. */
function verdicts(list: Verdict[]): string {
  const width = Math.max(...list.map((v) => v.target.length)) + 2;
  const measuredWidth = Math.max(...list.map((v) => v.measured.length)) + 2;
  return list
    .map((v) => `${v.target.padEnd(width)}${v.measured.padEnd(measuredWidth)}${v.pass ? 'PASS' : 'FAIL'}`)
    .join('\n');
}

/**
 * The last lines of every summary: the machine the run had (on a shared machine the load average
 * matters) and where its figures went.
 */
export function printFooter(m: Machine, file: string): void {
  console.log(
    `machine ${m.nproc} × ${m.cpuModel}, Node ${m.node}, load average ${m.loadAverage1m} (others' work included)`,
  );
  console.log(`written ${file}`);
}

/** A blank line, the verdicts and the footer; a missed target makes the run fail. */
export function printVerdicts(
  report: { machine: Machine; verdicts: Verdict[]; allTargetsMet: boolean },
  file: string,
): void {
  console.log('');
  console.log(verdicts(report.verdicts));
  printFooter(report.machine, file);
  if (!report.allTargetsMet) process.exitCode = 1;
}

/** The p-th percentile of sorted values (NaN when there are none). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

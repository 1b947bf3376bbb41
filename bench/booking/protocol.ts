/** What the booking benchmark hands its child processes (as a JSON file) and what they print back. */

export interface PlannedRequest {
  /** Path under the server's base, e.g. `/api/events/<id>/meetings`. */
  path: string;
  /** The caller's access token. */
  token: string;
  body: unknown;
  headers?: Record<string, string>;
}

/** For the load generator (bench/booking/load.ts): phases run one after another. */
export interface LoadPlan {
  base: string;
  phases: { name: string; concurrency: number; requests: PlannedRequest[] }[];
}

export interface PhaseResult {
  name: string;
  requests: number;
  concurrency: number;
  /** From the first request sent to the last answer received. */
  wallMs: number;
  perSecond: number;
  /** Count per HTTP status (0: no answer). */
  statuses: Record<string, number>;
  /** Count per error code of the non-2xx answers. */
  codes: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
  networkErrors: number;
  firstErrors: string[];
  /** CPU the load generator used during the phase, % of one core. */
  clientCpuPercent: number;
}

export interface LoadResult {
  phases: PhaseResult[];
}

/** One SQL statement with `?` placeholders (the same text runs on mysql2 and better-sqlite3). */
export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

/** For the baseline (bench/booking/baseline.ts): each transaction is a list of statements. */
export interface BaselinePlan {
  databaseUrl: string;
  concurrency: number;
  transactions: Statement[][];
}

export interface BaselineResult {
  transactions: number;
  /** Connections actually used (SQLite: 1, its single writer). */
  concurrency: number;
  wallMs: number;
  perSecond: number;
  errors: number;
  firstErrors: string[];
  latencyMs: { p50: number; p99: number; max: number };
  clientCpuPercent: number;
}

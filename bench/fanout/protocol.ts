/** Messages between the fanout benchmark's runner and its client processes. */
export type ToClients =
  | {
      type: 'start';
      url: string;
      namespace: string;
      path: string;
      /** One per client; null connects without a token (the bare baseline server needs none). */
      tokens: (string | null)[];
      room: string;
      /** Connections opened at once. */
      concurrency: number;
      /** Seqs above this are not recorded. */
      maxSeq: number;
    }
  | { type: 'measure' }
  | { type: 'report'; firstSeq: number; lastSeq: number }
  | { type: 'close' };

export interface JoinedReport {
  type: 'joined';
  joined: number;
  failed: number;
  firstError: string | null;
  joinMs: number;
}

export interface ClientReport {
  type: 'report';
  clients: number;
  /** clients × measured messages. */
  expected: number;
  delivered: number;
  /** Seqs a client missed between two it received. */
  gaps: number;
  duplicates: number;
  disconnects: number;
  /** Clients that missed at least one measured message. */
  clientsMissing: number;
  /** ms, one per delivery. */
  latencies: Float64Array;
  /** CPU this process used while measuring, % of one core. */
  cpuPercent: number;
  eventLoopDelayP99Ms: number;
}

/** `ready` once the process listens for messages. */
export type FromClients = { type: 'ready' } | JoinedReport | ClientReport;

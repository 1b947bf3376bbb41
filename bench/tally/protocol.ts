/** Messages between the tally benchmark's runner and its viewer processes. */
export type ToViewers =
  | {
      type: 'start';
      url: string;
      /** `ceremony:<eventId>` on the `/public` namespace (no token). */
      room: string;
      clients: number;
      /** Connections opened at once. */
      concurrency: number;
      /** The highest `signedCount` that will be seen. */
      maxCount: number;
    }
  | { type: 'report' }
  | { type: 'close' };

export interface ViewersJoined {
  type: 'joined';
  joined: number;
  failed: number;
  firstError: string | null;
  joinMs: number;
}

export interface ViewersReport {
  type: 'report';
  clients: number;
  /**
   * Per client, `maxCount + 1` wall-clock ms: when a `tally:updated` with that `signedCount` first
   * arrived (NaN when none did), client after client.
   */
  firstSeen: Float64Array;
  /** Each client's last `tally:updated`, as JSON, with how many clients ended on it. */
  lastTallies: { json: string; clients: number }[];
  /** `tally:updated` messages received by all clients. */
  messages: number;
  disconnects: number;
  cpuPercent: number;
}

export type FromViewers = { type: 'ready' } | ViewersJoined | ViewersReport;

/**
 * Sends the newest state of each key at most once per interval: the first change goes out at
 * once, later changes within the interval are merged and the newest goes out at its end, so the
 * last state is always sent. States carry a version from the database (incremented by the
 * changing transaction): a state that arrives late — a slower transaction, another node — never
 * replaces a newer one that was already sent.
 */
export interface Versioned<T> {
  version: number;
  state: T;
  /** Passed through to `send`: whether this node should also tell the other nodes. */
  relay: boolean;
}

interface Slot<T> {
  pending: Versioned<T> | null;
  timer: ReturnType<typeof setTimeout>;
}

export class LatestStateCoalescer<T> {
  private readonly slots = new Map<string, Slot<T>>();
  /** The last version sent per key, remembered for the most recent `memory` keys. */
  private readonly sent = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (key: string, update: Versioned<T>) => void,
    private readonly memory = 10_000,
  ) {}

  push(key: string, update: Versioned<T>): void {
    if (this.closed || (this.sent.get(key) ?? -Infinity) >= update.version) return;
    const slot = this.slots.get(key);
    if (!slot) {
      this.flush(key, update);
      this.slots.set(key, { pending: null, timer: this.arm(key) });
    } else if (!slot.pending || slot.pending.version < update.version) {
      slot.pending = update;
    }
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots.values()) clearTimeout(slot.timer);
    this.slots.clear();
  }

  private arm(key: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.tick(key), this.intervalMs);
    timer.unref?.();
    return timer;
  }

  private tick(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    if (!slot.pending) {
      this.slots.delete(key);
      return;
    }
    const update = slot.pending;
    slot.pending = null;
    slot.timer = this.arm(key);
    this.flush(key, update);
  }

  private flush(key: string, update: Versioned<T>): void {
    this.sent.delete(key);
    this.sent.set(key, update.version);
    if (this.sent.size > this.memory) this.sent.delete(this.sent.keys().next().value!);
    this.send(key, update);
  }
}

/**
 * Password hashing: argon2id with the parameters from the config (at least OWASP's minimum,
 * m = 19 MiB, t = 2, p = 1). The argon2 binding hashes on libuv's thread pool, never on the event
 * loop; `PasswordHasher` also bounds how many hashes run at once, so a login storm queues here
 * instead of filling the whole pool (which file reads and DNS share) and memory (m per hash).
 * A hash made with other parameters still verifies, and `needsRehash` tells the caller to store a
 * new one after a successful login.
 */
import * as argon2 from 'argon2';

export interface PasswordHashParams {
  /** KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id: m = 19 MiB, t = 2, p = 1. */
export const OWASP_MINIMUM: PasswordHashParams = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

/** Runs at most `limit` tasks at once, the rest in arrival order. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

export class PasswordHasher {
  private readonly gate: Gate;
  private dummyHash: Promise<string> | undefined;

  constructor(
    readonly params: PasswordHashParams,
    concurrency: number,
  ) {
    this.gate = new Gate(Math.max(1, concurrency));
  }

  hash(password: string): Promise<string> {
    return this.gate.run(() => argon2.hash(password, { type: argon2.argon2id, ...this.params }));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.gate.run(() => argon2.verify(hash, password));
    } catch {
      return false;
    }
  }

  /** The hash was made with other parameters (or another algorithm) than the configured ones. */
  needsRehash(hash: string): boolean {
    try {
      return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, this.params);
    } catch {
      return true;
    }
  }

  /** A hash to verify against when the email is unknown, so both paths take the same time. */
  timingDummyHash(): Promise<string> {
    return (this.dummyHash ??= this.hash('timing-equaliser-password'));
  }
}

/**
 * The login benchmark's baseline: the server's own password hashing (argon2id with the same
 * parameters, the same number at once) called in a loop in one process, with nothing else —
 * what the CPU allows. Prints one JSON line with verifications and hashes per second.
 *   node --import tsx bench/login/baseline.ts <memoryKiB> <timeCost> <parallelism> <concurrency> <seconds>
 */
import * as argon2 from 'argon2';

async function rate(concurrency: number, seconds: number, work: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - started < seconds * 1000) {
        await work();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const [memoryCost, timeCost, parallelism, concurrency, seconds] = process.argv.slice(2).map(Number);
  const options = { type: argon2.argon2id as 2, memoryCost, timeCost, parallelism };
  const hash = await argon2.hash('a benchmark password', options);
  const verifiesPerSecond = await rate(concurrency, seconds, () => argon2.verify(hash, 'a benchmark password'));
  const hashesPerSecond = await rate(concurrency, seconds, () => argon2.hash('a benchmark password', options));
  process.stdout.write(`${JSON.stringify({ verifiesPerSecond, hashesPerSecond })}\n`);
}

void main();

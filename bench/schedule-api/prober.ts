/**
 * Asks GET /api/health every `intervalMs` until told to stop (SIGUSR2) and prints the
 * latencies as one JSON line. Runs in its own process so that its timing does not depend on the
 * benchmark driver's event loop.
 */
const [base, intervalArg] = process.argv.slice(2);
const intervalMs = Number(intervalArg ?? 20);
const latencies: number[] = [];
let failures = 0;
let running = true;

process.once('SIGUSR2', () => (running = false));

async function probe(): Promise<void> {
  while (running) {
    const started = performance.now();
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (!res.ok) failures++;
    } catch {
      failures++;
    }
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  console.log(JSON.stringify({ latencies, failures }));
  process.exit(0);
}

void probe();

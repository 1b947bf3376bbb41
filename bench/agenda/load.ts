/**
 * The agenda benchmark's load generator, in its own process so it never shares an event loop
 * with a server: runs autocannon against one URL and prints its result, plus how much CPU this
 * process used (on 2 shared cores a busy client limits the figure, so it is reported).
 *   node --import tsx bench/agenda/load.ts <url> <connections> <seconds> [bearer-token]
 */
import autocannon from 'autocannon';

const [url, connections, seconds, token] = process.argv.slice(2);
const headers = token ? { authorization: `Bearer ${token}` } : undefined;
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
autocannon({ url, connections: Number(connections), duration: Number(seconds), headers }, (error, result) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const summary = {
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerSecond: result.throughput.average,
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 1000) / 10,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
});

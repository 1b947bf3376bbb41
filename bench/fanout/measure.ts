/** The two single-process measurements of the fanout benchmarks: the API and the bare baseline. */
import { randomBytes, randomUUID } from 'node:crypto';
import { runPhase, type PhaseResult } from './phase';
import { insertAudience, mintToken, prepareSessionRoom, startApi, startBareServer, stop } from './processes';

export interface FanoutArgs {
  clients: number;
  rate: number;
  seconds: number;
  warmup: number;
  processes: number;
  /** Baseline and measurement alternate this many times; verdicts use the median round. */
  rounds: number;
}

/** The API on one process, on the given database, with N registered clients. */
export async function measureApi(args: FanoutArgs, databaseUrl: string, name: string): Promise<PhaseResult> {
  const jwtSecret = randomBytes(32).toString('hex');
  const organiser = { email: 'bench-organiser@bench.local', password: randomBytes(16).toString('hex') };
  const node = await startApi({ databaseUrl, jwtSecret, organiser });
  try {
    const room = await prepareSessionRoom(node.base, organiser);
    const userIds = await insertAudience(databaseUrl, room.eventId, args.clients);
    return await runPhase({
      name,
      nodes: [node],
      tokens: userIds.map((id) => mintToken(jwtSecret, id)),
      senderToken: room.organiserToken,
      room: room.name,
      rate: args.rate,
      seconds: args.seconds,
      warmupSeconds: args.warmup,
      clientProcesses: args.processes,
    });
  } finally {
    await stop(node);
  }
}

export async function measureBare(args: FanoutArgs): Promise<PhaseResult> {
  const room = `session:${randomUUID()}`;
  const bare = await startBareServer(room);
  try {
    return await runPhase({
      name: 'bare socket.io',
      nodes: [bare],
      tokens: Array.from({ length: args.clients }, () => null),
      senderToken: null,
      room,
      rate: args.rate,
      seconds: args.seconds,
      warmupSeconds: args.warmup,
      clientProcesses: args.processes,
    });
  } finally {
    await stop(bare);
  }
}

/** The single-process measurements of the fanout benchmarks: the API and the bare baseline. */
import { randomUUID } from 'node:crypto';
import { newCredentials, stop, type ApiNode } from '../common/processes';
import { runPhase, type PhaseResult } from './phase';
import { insertAudience, mintToken, prepareSessionRoom, startApi, startBareServer, type ApiOptions } from './processes';

export interface FanoutArgs {
  clients: number;
  rate: number;
  seconds: number;
  warmup: number;
  processes: number;
  /** Baseline and measurement alternate this many times; verdicts use the median round. */
  rounds: number;
}

/** The command-line defaults every fanout benchmark shares. */
export const FANOUT_DEFAULTS = { clients: 2000, rate: 10, seconds: 30, warmup: 2, processes: 2, rounds: 1 };

/**
 * One phase against running API nodes that share the given database: the organiser makes the
 * session room through the first node, N registered clients get tokens, and they join and listen.
 */
export async function measureNodes(
  args: FanoutArgs,
  server: ApiOptions,
  nodes: ApiNode[],
  name: string,
  clientProcesses: number,
): Promise<PhaseResult> {
  const room = await prepareSessionRoom(nodes[0].base, server.organiser);
  const userIds = await insertAudience(server.databaseUrl, room.eventId, args.clients);
  return await runPhase({
    name,
    nodes,
    tokens: userIds.map((id) => mintToken(server.jwtSecret, id)),
    senderToken: room.organiserToken,
    room: room.name,
    rate: args.rate,
    seconds: args.seconds,
    warmupSeconds: args.warmup,
    clientProcesses,
  });
}

/** The API on one process, on the given database, with N registered clients. */
export async function measureApi(args: FanoutArgs, databaseUrl: string, name: string): Promise<PhaseResult> {
  const server = { databaseUrl, ...newCredentials() };
  const node = await startApi(server);
  try {
    return await measureNodes(args, server, [node], name, args.processes);
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

/**
 * Benchmark `upvotes`: 500 clients in one `event:` room of the production build (fresh SQLite
 * file) send 1,000 `question:upvote` a second for 10 s, spread over 5 questions (each client
 * votes for every question 4 times; the first counts, the rest are idempotent repeats). Targets:
 * every client's last `question:updated` of every question equals the database, and no client
 * gets more than 10 updates of one question in any second (coalescing).
 *
 *   npx tsx bench/upvotes.ts [--clients 500] [--rate 1000] [--seconds 10] [--questions 5] [--processes 2]
 *   (npm run bench:upvotes)
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { parseArgs } from './common/args';
import { cpuSeconds, newCredentials, ROOT, runMain, scratchSqlite, startWorker, stop } from './common/processes';
import { machine, percentile, printVerdicts, withVerdicts, writeResults, type Verdict } from './common/report';
import { insertAudience, mintToken, prepareSessionRoom, startApi } from './fanout/processes';
import type { FromVoters, ToVoters } from './upvotes/clients';

const CLIENTS = join(ROOT, 'bench/upvotes/clients.ts');
const TARGETS = { staleClients: 0, maxUpdatesPerSecond: 10 };

async function main(): Promise<void> {
  const args = parseArgs({ clients: 500, rate: 1000, seconds: 10, questions: 5, processes: 2 }) as Record<
    string,
    number
  >;
  const votesPerClient = Math.round((args.rate * args.seconds) / args.clients);
  if (votesPerClient < args.questions)
    throw new Error('each client must vote at least once per question: raise --rate or --seconds');
  console.log(
    `upvotes: ${args.clients} clients, ${args.rate} upvotes/s for ${args.seconds} s over ${args.questions} questions`,
  );

  const databaseUrl = scratchSqlite('upvotes');
  const { jwtSecret, organiser } = newCredentials();
  const node = await startApi({ databaseUrl, jwtSecret, organiser });
  try {
    const { eventId, organiserToken } = await prepareSessionRoom(node.base, organiser);
    const room = `event:${eventId}`;
    const tokens = (await insertAudience(databaseUrl, eventId, args.clients)).map((id) => mintToken(jwtSecret, id));

    const host = io(`${node.base}/live`, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token: organiserToken },
    });
    await new Promise<void>((resolve, reject) => host.once('connect', () => resolve()).once('connect_error', reject));
    await host.emitWithAck('room:join', { room });
    const questionIds: string[] = [];
    for (let q = 0; q < args.questions; q++) {
      const reply = await host.emitWithAck('question:ask', {
        room,
        text: `Question ${q + 1}?`,
        clientMsgId: randomUUID(),
      });
      questionIds.push(reply.question.id);
    }

    const workers = await Promise.all(Array.from({ length: args.processes }, () => startWorker<FromVoters>(CLIENTS)));
    const shares = workers.map((_, w) => tokens.filter((_, i) => i % workers.length === w));
    workers.forEach(({ child }, w) =>
      child.send({ type: 'start', url: node.base, tokens: shares[w], room, concurrency: 50 } satisfies ToVoters),
    );
    const joins = await Promise.all(workers.map(({ next }) => next<Extract<FromVoters, { type: 'joined' }>>('joined')));
    const joined = joins.reduce((s, j) => s + j.joined, 0);
    if (joined !== args.clients)
      throw new Error(
        `only ${joined} of ${args.clients} clients joined: ${joins.find((j) => j.firstError)?.firstError}`,
      );

    const startAt = Date.now() + 1000;
    const everyMs = (1000 * args.clients) / args.rate;
    const cpuBefore = cpuSeconds(node.pid);
    let first = 0;
    workers.forEach(({ child }, w) => {
      child.send({
        type: 'vote',
        questionIds,
        startAt,
        votes: votesPerClient,
        everyMs,
        first,
        total: args.clients,
      } satisfies ToVoters);
      first += shares[w].length;
    });
    const voted = await Promise.all(workers.map(({ next }) => next<Extract<FromVoters, { type: 'voted' }>>('voted')));
    const sendSeconds = (Date.now() - startAt) / 1000;
    const cpuAfter = cpuSeconds(node.pid);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the last coalesced updates

    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    const rows = db
      .prepare(
        `SELECT id, votes, (SELECT COUNT(*) FROM room_question_votes v WHERE v.question_id = q.id) AS counted FROM room_questions q WHERE room = ?`,
      )
      .all(room) as { id: string; votes: number; counted: number }[];
    db.close();
    const expected = Object.fromEntries(rows.map((r) => [r.id, r.votes]));
    for (const { child } of workers) child.send({ type: 'report', expected } satisfies ToVoters);
    const reports = await Promise.all(
      workers.map(({ next }) => next<Extract<FromVoters, { type: 'report' }>>('report')),
    );
    for (const { child } of workers) child.send({ type: 'close' } satisfies ToVoters);
    host.close();

    const ackMs = voted
      .flatMap((v) => [...v.ackMs])
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    const sent = voted.reduce((s, v) => s + v.ok + v.failed, 0);
    const stale = reports.reduce((s, r) => s + r.stale, 0);
    const maxPerSecond = Math.max(...reports.map((r) => r.maxPerSecond));
    // Every client voted for every question at least once: each question has one vote per client.
    const databaseConsistent = rows.every(
      (r) => Number(r.votes) === Number(r.counted) && Number(r.votes) === args.clients,
    );
    const result = {
      upvotes: sent,
      ratePerSecond: Math.round(sent / sendSeconds),
      failed: voted.reduce((s, v) => s + v.failed, 0),
      firstError: voted.find((v) => v.firstError)?.firstError ?? null,
      ackMs: { p50: percentile(ackMs, 50), p99: percentile(ackMs, 99), max: ackMs.at(-1) },
      votesInDatabase: rows.map((r) => Number(r.votes)),
      databaseConsistent,
      staleClients: stale,
      maxUpdatesPerQuestionPerSecond: maxPerSecond,
      updatesPerClient: Math.round(reports.reduce((s, r) => s + r.updatesPerClient, 0) / reports.length),
      serverCpuPercent:
        cpuBefore !== null && cpuAfter !== null ? Math.round(((cpuAfter - cpuBefore) / sendSeconds) * 1000) / 10 : null,
    };
    const list: Verdict[] = [
      {
        target: 'final counts = database at every client',
        measured: `${stale} stale of ${joined} clients; DB ${result.votesInDatabase.join('/')}`,
        pass: stale === TARGETS.staleClients && databaseConsistent,
      },
      {
        target: `≤ ${TARGETS.maxUpdatesPerSecond} question:updated/s per question`,
        measured: `max ${maxPerSecond} in any second`,
        pass: maxPerSecond <= TARGETS.maxUpdatesPerSecond,
      },
    ];
    const report = withVerdicts(
      {
        name: 'upvotes',
        measuredAt: new Date().toISOString(),
        command: `npx tsx bench/upvotes.ts --clients ${args.clients} --rate ${args.rate} --seconds ${args.seconds} --questions ${args.questions}`,
        machine: machine(),
        args,
        targets: TARGETS,
        result,
      },
      list,
    );
    const file = writeResults(report);

    console.log('');
    console.log(
      `upvotes sent            ${result.upvotes} at ${result.ratePerSecond}/s (failed ${result.failed}${result.firstError ? `, first: ${result.firstError}` : ''})`,
    );
    console.log(`ack p50 / p99 / max     ${result.ackMs.p50} / ${result.ackMs.p99} / ${result.ackMs.max} ms`);
    console.log(`updates per client      ${result.updatesPerClient} (${args.questions} questions)`);
    console.log(`server CPU              ${result.serverCpuPercent} % of a core`);
    printVerdicts(report, file);
  } finally {
    await stop(node);
  }
}

runMain(main);

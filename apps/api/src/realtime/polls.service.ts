/**
 * Live polls: moderators open and close them, everyone in the room votes once (the vote table's
 * key). Results go out as `poll:results`, coalesced per poll like question updates.
 */
import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { REALTIME_LIMITS, type Poll, type PollResults } from '@ilr/shared';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { RealtimeBroadcaster } from './broadcaster';
import { LatestStateCoalescer } from './coalescer';
import type { PollCreateDto, PollDto, PollVoteDto } from './dto/realtime.dto';
import { grantIn, moderatorIn } from './membership';
import { RoomPollEntity, RoomPollVoteEntity } from './realtime.entities';
import { RealtimeErrors } from './realtime.errors';
import type { RoomMember } from './realtime.types';

/** Per poll, like question updates. */
const RESULTS_PER_SECOND = 9;

function results(poll: RoomPollEntity, counts: number[]): PollResults {
  return {
    id: poll.id,
    room: poll.room,
    counts,
    total: counts.reduce((a, b) => a + b, 0),
    closed: poll.closedAt !== null,
  };
}

const toPoll = (poll: RoomPollEntity, counts: number[]): Poll => ({
  ...results(poll, counts),
  question: poll.question,
  options: poll.options,
  createdAt: poll.createdAt.toISOString(),
});

@Injectable()
export class PollsService implements OnModuleDestroy {
  private readonly results: LatestStateCoalescer<PollResults>;

  constructor(
    private readonly db: DatabaseService,
    private readonly broadcaster: RealtimeBroadcaster,
  ) {
    this.results = new LatestStateCoalescer(1000 / RESULTS_PER_SECOND, (_id, { version, state, relay }) => {
      this.broadcaster.toLocalRoom(state.room, 'poll:results', state);
      if (relay) this.broadcaster.toOtherNodes('state:poll', version, state);
    });
    this.broadcaster.onOtherNodes('state:poll', (version, state) =>
      this.results.push(state.id, { version, state, relay: false }),
    );
  }

  onModuleDestroy(): void {
    this.results.close();
  }

  async create(member: RoomMember, dto: PollCreateDto): Promise<{ poll: Poll }> {
    const { room } = moderatorIn(member, dto.room);
    const entity = Object.assign(new RoomPollEntity(), {
      id: randomUUID(),
      room,
      question: typeof dto.question === 'string' ? dto.question : { ...dto.question },
      options: dto.options,
      createdById: member.user.id,
      createdAt: new Date(),
      closedAt: null,
      version: 0,
    });
    await this.db.transaction((em) => em.insert(RoomPollEntity, entity));
    const poll = toPoll(
      entity,
      entity.options.map(() => 0),
    );
    this.broadcaster.toRoom(room, 'poll:new', poll);
    return { poll: { ...poll, myVote: null } };
  }

  /** One vote per user and poll; a second vote keeps the first and answers with it. */
  async vote(member: RoomMember, dto: PollVoteDto): Promise<{ poll: Poll }> {
    const poll = await this.find(dto.pollId);
    grantIn(member, poll.room);
    if (poll.closedAt) throw RealtimeErrors.pollClosed();
    if (dto.optionIndex >= poll.options.length) throw RealtimeErrors.badOption(poll.options.length);
    try {
      const { updated, counts } = await this.db.transaction(async (em) => {
        // The vote first (a repeat fails here, before anything changed), then the poll row:
        // its lock orders the versions, and the count read after it sees every earlier vote.
        await em.insert(RoomPollVoteEntity, {
          pollId: poll.id,
          userId: member.user.id,
          optionIndex: dto.optionIndex,
          createdAt: new Date(),
        });
        const bumped = await this.bump(em, poll, {});
        if (!bumped) throw RealtimeErrors.pollClosed();
        return bumped;
      });
      return { poll: { ...this.publish(updated, counts), myVote: dto.optionIndex } };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const mine = await this.db.manager.findOneByOrFail(RoomPollVoteEntity, {
        pollId: poll.id,
        userId: member.user.id,
      });
      return { poll: { ...toPoll(poll, await this.counts(this.db.manager, poll)), myVote: mine.optionIndex } };
    }
  }

  async close(member: RoomMember, dto: PollDto): Promise<{ poll: Poll }> {
    const poll = await this.find(dto.pollId);
    moderatorIn(member, poll.room);
    const myVote = await this.myVote(poll.id, member.user.id);
    const bumped = poll.closedAt
      ? null
      : await this.db.transaction((em) => this.bump(em, poll, { closedAt: new Date() }));
    if (!bumped) {
      // Closed already, maybe a moment ago by another moderator.
      const closed = await this.find(poll.id);
      return { poll: { ...toPoll(closed, await this.counts(this.db.manager, closed)), myVote } };
    }
    return { poll: { ...this.publish(bumped.updated, bumped.counts), myVote } };
  }

  /** A room's latest polls, newest first, with results (without anyone's own vote). */
  async list(room: string): Promise<Poll[]> {
    const polls = await this.db.manager.find(RoomPollEntity, {
      where: { room },
      order: { createdAt: 'DESC' },
      take: REALTIME_LIMITS.pollsInSnapshot,
    });
    const counts = await this.countsOf(this.db.manager, polls);
    return polls.map((poll) => toPoll(poll, counts.get(poll.id)!));
  }

  /** The option each of these users chose in these polls. */
  async votesOf(pollIds: string[], userIds: string[]): Promise<RoomPollVoteEntity[]> {
    if (pollIds.length === 0 || userIds.length === 0) return [];
    return this.db.manager.findBy(RoomPollVoteEntity, { pollId: In(pollIds), userId: In(userIds) });
  }

  /**
   * Bumps the poll's version (and applies `set`) while it is open, then counts the votes: the
   * row lock held from the update to the commit makes the counts exact for that version.
   * Null when the poll is closed.
   */
  private async bump(
    em: EntityManager,
    poll: RoomPollEntity,
    set: { closedAt?: Date },
  ): Promise<{ updated: RoomPollEntity; counts: number[] } | null> {
    const { affected } = await em
      .createQueryBuilder()
      .update(RoomPollEntity)
      .set({ ...set, version: () => 'version + 1' })
      .where({ id: poll.id, closedAt: IsNull() })
      .execute();
    if (!affected) return null;
    const updated = await em.findOneByOrFail(RoomPollEntity, { id: poll.id });
    return { updated, counts: await this.counts(em, updated) };
  }

  /** After the commit: coalesce the new results out to the room. */
  private publish(updated: RoomPollEntity, counts: number[]): Poll {
    this.results.push(updated.id, { version: updated.version, state: results(updated, counts), relay: true });
    return toPoll(updated, counts);
  }

  private async counts(em: EntityManager, poll: RoomPollEntity): Promise<number[]> {
    return (await this.countsOf(em, [poll])).get(poll.id)!;
  }

  /** Votes per option of each poll, in option order (zeros included). */
  private async countsOf(em: EntityManager, polls: RoomPollEntity[]): Promise<Map<string, number[]>> {
    const counts = new Map(polls.map((poll) => [poll.id, poll.options.map(() => 0)]));
    if (polls.length === 0) return counts;
    const rows: { pollId: string; optionIndex: number | string; votes: number | string }[] = await em
      .createQueryBuilder(RoomPollVoteEntity, 'v')
      .select('v.pollId', 'pollId')
      .addSelect('v.optionIndex', 'optionIndex')
      .addSelect('COUNT(*)', 'votes')
      .where({ pollId: In([...counts.keys()]) })
      .groupBy('v.pollId')
      .addGroupBy('v.optionIndex')
      .getRawMany();
    for (const row of rows) counts.get(row.pollId)![Number(row.optionIndex)] = Number(row.votes);
    return counts;
  }

  private async myVote(pollId: string, userId: string): Promise<number | null> {
    return (await this.db.manager.findOneBy(RoomPollVoteEntity, { pollId, userId }))?.optionIndex ?? null;
  }

  private async find(id: string): Promise<RoomPollEntity> {
    const poll = await this.db.manager.findOneBy(RoomPollEntity, { id });
    if (!poll) throw RealtimeErrors.pollNotFound();
    return poll;
  }
}

/**
 * Q&A: attendees ask and upvote (one vote per user, by the vote table's key), moderators answer
 * and pin. `question:new` goes out at once; `question:updated` is coalesced per question (at most
 * 10 a second), newest version last, and every node delivers it to its own connections.
 */
import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { REALTIME_LIMITS, type Question, type QuestionUpdate } from '@ilr/shared';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { RealtimeBroadcaster } from './broadcaster';
import { LatestStateCoalescer } from './coalescer';
import type { QuestionAnswerDto, QuestionAskDto, QuestionDto, QuestionPinDto } from './dto/realtime.dto';
import { grantIn, moderatorIn } from './membership';
import { MutesService } from './mutes.service';
import { RoomQuestionEntity, RoomQuestionVoteEntity } from './realtime.entities';
import { RealtimeErrors } from './realtime.errors';
import type { RoomMember } from './realtime.types';

/** Per question; under the contract's 10 so that delivery jitter never shows a client more. */
const UPDATES_PER_SECOND = 9;

export const toQuestion = (q: RoomQuestionEntity): Question => ({
  id: q.id,
  room: q.room,
  text: q.text,
  author: { id: q.authorId, displayName: q.authorName },
  votes: q.votes,
  answered: q.answered,
  pinned: q.pinned,
  createdAt: q.createdAt.toISOString(),
});

const toUpdate = (q: RoomQuestionEntity): QuestionUpdate => ({
  id: q.id,
  room: q.room,
  votes: q.votes,
  answered: q.answered,
  pinned: q.pinned,
});

@Injectable()
export class QuestionsService implements OnModuleDestroy {
  private readonly updates: LatestStateCoalescer<QuestionUpdate>;

  constructor(
    private readonly db: DatabaseService,
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly mutes: MutesService,
  ) {
    this.updates = new LatestStateCoalescer(1000 / UPDATES_PER_SECOND, (_id, { version, state, relay }) => {
      this.broadcaster.toLocalRoom(state.room, 'question:updated', state);
      if (relay) this.broadcaster.toOtherNodes('state:question', version, state);
    });
    this.broadcaster.onOtherNodes('state:question', (version, state) =>
      this.updates.push(state.id, { version, state, relay: false }),
    );
  }

  onModuleDestroy(): void {
    this.updates.close();
  }

  async ask(member: RoomMember, dto: QuestionAskDto): Promise<{ question: Question; duplicate: boolean }> {
    const { room } = grantIn(member, dto.room);
    const { user } = member;
    await this.mutes.assertCanPost(room, user.id);
    const first = await this.byClientMsgId(room, user.id, dto.clientMsgId);
    if (first) return { question: toQuestion(first), duplicate: true };

    const entity = Object.assign(new RoomQuestionEntity(), {
      id: randomUUID(),
      room,
      authorId: user.id,
      authorName: user.displayName,
      clientMsgId: dto.clientMsgId,
      text: dto.text,
      votes: 0,
      answered: false,
      pinned: false,
      version: 0,
      createdAt: new Date(),
    });
    try {
      await this.db.transaction((em) => em.insert(RoomQuestionEntity, entity));
    } catch (error) {
      const existing = isUniqueViolation(error) ? await this.byClientMsgId(room, user.id, dto.clientMsgId) : null;
      if (!existing) throw error;
      return { question: toQuestion(existing), duplicate: true };
    }
    const question = toQuestion(entity);
    this.broadcaster.toRoom(room, 'question:new', question);
    return { question, duplicate: false };
  }

  /** One vote per user: a repeat is fine and changes nothing. */
  async upvote(member: RoomMember, dto: QuestionDto): Promise<{ question: Question }> {
    const found = await this.find(dto.questionId);
    grantIn(member, found.room);
    // Repeats are common (a double tap, a retry): answer them without a failing transaction.
    if (await this.db.manager.existsBy(RoomQuestionVoteEntity, { questionId: found.id, userId: member.user.id })) {
      return { question: toQuestion(found) };
    }
    try {
      const updated = await this.db.transaction(async (em) => {
        // The vote first: if it is a repeat, nothing else happened (a reader outside this
        // transaction on SQLite's shared connection never sees a count that is rolled back).
        await em.insert(RoomQuestionVoteEntity, {
          questionId: found.id,
          userId: member.user.id,
          createdAt: new Date(),
        });
        return this.change(em, found.id, { votes: () => 'votes + 1' });
      });
      return { question: this.changed(updated) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return { question: toQuestion(await this.find(found.id)) };
    }
  }

  async answer(member: RoomMember, dto: QuestionAnswerDto): Promise<{ question: Question }> {
    return this.moderate(member, dto.questionId, { answered: dto.answered ?? true });
  }

  async pin(member: RoomMember, dto: QuestionPinDto): Promise<{ question: Question }> {
    return this.moderate(member, dto.questionId, { pinned: dto.pinned ?? true });
  }

  /** A room's questions for a joining client: pinned first, then by votes, then oldest first. */
  async list(room: string): Promise<Question[]> {
    const rows = await this.db.manager.find(RoomQuestionEntity, {
      where: { room },
      order: { pinned: 'DESC', votes: 'DESC', createdAt: 'ASC' },
      take: REALTIME_LIMITS.questionsInSnapshot,
    });
    return rows.map(toQuestion);
  }

  private async moderate(
    member: RoomMember,
    questionId: string,
    flags: { answered: boolean } | { pinned: boolean },
  ): Promise<{ question: Question }> {
    const found = await this.find(questionId);
    moderatorIn(member, found.room);
    if (Object.entries(flags).every(([column, value]) => found[column as 'answered' | 'pinned'] === value)) {
      return { question: toQuestion(found) };
    }
    const updated = await this.db.transaction((em) => this.change(em, found.id, flags));
    return { question: this.changed(updated) };
  }

  /**
   * Applies a change and bumps the version in the same statement: the row lock orders versions
   * as the changes commit, so the newest state is the one with the highest version.
   */
  private async change(
    em: EntityManager,
    id: string,
    set: QueryDeepPartialEntity<RoomQuestionEntity>,
  ): Promise<RoomQuestionEntity> {
    await em
      .createQueryBuilder()
      .update(RoomQuestionEntity)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
    return em.findOneByOrFail(RoomQuestionEntity, { id });
  }

  /** After the commit: coalesce the new state out to the room. */
  private changed(updated: RoomQuestionEntity): Question {
    this.updates.push(updated.id, { version: updated.version, state: toUpdate(updated), relay: true });
    return toQuestion(updated);
  }

  private async find(id: string): Promise<RoomQuestionEntity> {
    const question = await this.db.manager.findOneBy(RoomQuestionEntity, { id });
    if (!question) throw RealtimeErrors.questionNotFound();
    return question;
  }

  private byClientMsgId(room: string, authorId: string, clientMsgId: string): Promise<RoomQuestionEntity | null> {
    return this.db.manager.findOneBy(RoomQuestionEntity, { room, authorId, clientMsgId });
  }
}

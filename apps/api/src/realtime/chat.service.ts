/**
 * Room chat. Every message gets the room's next seq: one transaction increments the room's
 * counter row and inserts the message, so the counter's row lock orders concurrent senders (on
 * MySQL; SQLite runs write transactions one at a time) and a rollback gives the number back. The
 * unique keys (room, seq) and (room, author, clientMsgId) make a gap, a duplicate seq or a
 * duplicate message impossible rather than unlikely.
 */
import { RateLimits } from '../cluster/rate-limits';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { REALTIME_LIMITS, type ChatMessage } from '@ilr/shared';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { RealtimeBroadcaster } from './broadcaster';
import type { ChatDeleteDto, ChatSendDto, ChatSinceDto } from './dto/realtime.dto';
import { grantIn } from './membership';
import { MutesService } from './mutes.service';
import { RoomCounterEntity, RoomMessageEntity } from './realtime.entities';
import { RealtimeErrors } from './realtime.errors';
import type { RoomMember } from './realtime.types';

export const toMessage = (m: RoomMessageEntity): ChatMessage => ({
  id: m.id,
  room: m.room,
  seq: m.seq,
  author: { id: m.authorId, displayName: m.authorName },
  text: m.deletedAt ? '' : m.text,
  sentAt: m.sentAt.toISOString(),
  deleted: m.deletedAt !== null,
});

/** Rooms this node has made sure have a counter row; forgotten wholesale when it grows large. */
const KNOWN_COUNTERS_MAX = 10_000;

@Injectable()
export class ChatService {
  private readonly knownCounters = new Set<string>();

  constructor(
    private readonly db: DatabaseService,
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly mutes: MutesService,
    private readonly limits: RateLimits,
  ) {}

  async send(member: RoomMember, dto: ChatSendDto): Promise<{ message: ChatMessage; duplicate: boolean }> {
    const { room } = grantIn(member, dto.room);
    const { user } = member;
    await this.mutes.assertCanPost(room, user.id);
    const first = await this.byClientMsgId(room, user.id, dto.clientMsgId);
    if (first) return { message: toMessage(first), duplicate: true };
    // Per person over all their connections and every node (a resend above is not counted).
    await this.limits.consume('chat', user.id);

    await this.ensureCounter(room);
    let saved: RoomMessageEntity;
    try {
      saved = await this.db.transaction(async (em) => {
        await em
          .createQueryBuilder()
          .update(RoomCounterEntity)
          .set({ seq: () => 'seq + 1' })
          .where('room = :room', { room })
          .execute();
        const { seq } = await em.findOneByOrFail(RoomCounterEntity, { room });
        const message = Object.assign(new RoomMessageEntity(), {
          id: randomUUID(),
          room,
          seq,
          authorId: user.id,
          authorName: user.displayName,
          clientMsgId: dto.clientMsgId,
          text: dto.text,
          sentAt: new Date(),
          deletedAt: null,
          deletedById: null,
        });
        // Last statement: if it fails (a concurrent resend), the whole increment rolls back.
        await em.insert(RoomMessageEntity, message);
        return message;
      });
    } catch (error) {
      const existing = isUniqueViolation(error) ? await this.byClientMsgId(room, user.id, dto.clientMsgId) : null;
      if (!existing) throw error;
      return { message: toMessage(existing), duplicate: true };
    }
    const message = toMessage(saved);
    this.broadcaster.toRoom(room, 'chat:message', message);
    return { message, duplicate: false };
  }

  /** Messages after `seq` in order, at most `sinceMax`; the client pages on from the last seq while `hasMore`. */
  async since(member: RoomMember, dto: ChatSinceDto): Promise<{ messages: ChatMessage[]; hasMore: boolean }> {
    const { room } = grantIn(member, dto.room);
    const rows = await this.db.manager.find(RoomMessageEntity, {
      where: { room, seq: MoreThan(dto.seq) },
      order: { seq: 'ASC' },
      take: REALTIME_LIMITS.sinceMax + 1,
    });
    const hasMore = rows.length > REALTIME_LIMITS.sinceMax;
    return { messages: rows.slice(0, REALTIME_LIMITS.sinceMax).map(toMessage), hasMore };
  }

  /** The last messages of a room, oldest first. */
  async history(room: string): Promise<ChatMessage[]> {
    const rows = await this.db.manager.find(RoomMessageEntity, {
      where: { room },
      order: { seq: 'DESC' },
      take: REALTIME_LIMITS.historySize,
    });
    return rows.reverse().map(toMessage);
  }

  /** Authors delete their own messages, moderators any; the seq stays, the text goes. */
  async delete(member: RoomMember, dto: ChatDeleteDto): Promise<{ message: ChatMessage }> {
    const found = await this.db.manager.findOneBy(RoomMessageEntity, { id: dto.messageId });
    if (!found) throw RealtimeErrors.messageNotFound();
    const grant = grantIn(member, found.room);
    if (!grant.canModerate && found.authorId !== member.user.id) throw RealtimeErrors.notAuthorOrModerator();
    if (found.deletedAt) return { message: toMessage(found) };

    const deletedAt = new Date();
    await this.db.transaction((em) =>
      em.update(RoomMessageEntity, { id: found.id }, { deletedAt, deletedById: member.user.id, text: '' }),
    );
    const message = toMessage({ ...found, deletedAt, text: '' });
    this.broadcaster.toRoom(found.room, 'chat:deleted', { room: found.room, id: found.id, seq: found.seq });
    return { message };
  }

  private byClientMsgId(room: string, authorId: string, clientMsgId: string): Promise<RoomMessageEntity | null> {
    return this.db.manager.findOneBy(RoomMessageEntity, { room, authorId, clientMsgId });
  }

  private async ensureCounter(room: string): Promise<void> {
    if (this.knownCounters.has(room)) return;
    await this.db.transaction((em) =>
      em.createQueryBuilder().insert().into(RoomCounterEntity).values({ room, seq: 0 }).orIgnore().execute(),
    );
    if (this.knownCounters.size >= KNOWN_COUNTERS_MAX) this.knownCounters.clear();
    this.knownCounters.add(room);
  }
}

/**
 * The stage of a session room: the audience raises hands, hosts bring people on stage, send
 * them back, or remove them. Each change is made on LiveKit first (a connected participant's
 * permissions change at once) and then recorded, so the next token the user fetches agrees.
 * Every change to the hands is pushed (nothing when nothing changed): the list to the session room's hosts (`stage:hands`) and
 * the user's own hand to their connections (`stage:my-hand`).
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { RaisedHand, StageChange, Actor } from '@ilr/shared';
import { RealtimeBroadcaster } from '../realtime/broadcaster';
import { roomName } from '../realtime/rooms';
import { UserEntity } from '../accounts/user.entity';
import { AccessChanges } from '../common/access-changes';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { LiveAccessService } from './live-access.service';
import { participantMetadata, participantPermission, sessionRoom } from './live-grants';
import { LiveHandEntity, LiveRemovalEntity, LiveSpeakerEntity } from './live.entities';
import { LiveErrors } from './live.errors';
import { LiveKitService } from './livekit.service';

const toHand = (hand: LiveHandEntity, user: Pick<UserEntity, 'displayName' | 'companyId'>): RaisedHand => ({
  userId: hand.userId,
  displayName: user.displayName,
  companyId: user.companyId,
  raisedAt: hand.raisedAt.toISOString(),
});

@Injectable()
export class StageService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: LiveAccessService,
    private readonly livekit: LiveKitService,
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly changes: AccessChanges,
  ) {}

  /** Raising a hand twice keeps the first one (`created: false`). */
  async raiseHand(user: Actor, sessionId: string): Promise<{ hand: RaisedHand; created: boolean }> {
    const { role } = await this.access.member(user, sessionId);
    if (role !== 'audience') throw LiveErrors.alreadyOnStage();
    this.livekit.requireEnabled();
    const hand = Object.assign(new LiveHandEntity(), {
      id: randomUUID(),
      sessionId,
      userId: user.id,
      raisedAt: new Date(),
    });
    try {
      await this.db.transaction((em) => em.insert(LiveHandEntity, hand));
      const raised = toHand(hand, user);
      await this.handsChanged(sessionId, user.id, raised);
      return { hand: raised, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const first = await this.db.manager.findOneBy(LiveHandEntity, { sessionId, userId: user.id });
      if (!first) throw error;
      return { hand: toHand(first, user), created: false };
    }
  }

  /** Lowering needs no video and no registration: anyone may take back their own hand. */
  async lowerOwnHand(user: Actor, sessionId: string): Promise<void> {
    await this.access.session(user, sessionId);
    const { affected } = await this.db.transaction((em) => em.delete(LiveHandEntity, { sessionId, userId: user.id }));
    if (affected !== 0) await this.handsChanged(sessionId, user.id, null);
  }

  /** A host dismisses someone's hand without bringing them on stage. */
  async dismissHand(host: Actor, sessionId: string, userId: string): Promise<void> {
    await this.access.host(host, sessionId);
    const { affected } = await this.db.transaction((em) => em.delete(LiveHandEntity, { sessionId, userId }));
    if (affected !== 0) await this.handsChanged(sessionId, userId, null);
  }

  /** Raised hands, first raised first. */
  async hands(user: Actor, sessionId: string): Promise<RaisedHand[]> {
    await this.access.hostOrStaff(user, sessionId, 'session.seeHands');
    return this.handsOf(sessionId);
  }

  /** My own hand in a session, or null when it is down. */
  async myHand(user: Actor, sessionId: string): Promise<RaisedHand | null> {
    await this.access.session(user, sessionId);
    const hand = await this.db.manager.findOneBy(LiveHandEntity, { sessionId, userId: user.id });
    return hand ? toHand(hand, user) : null;
  }

  private async handsOf(sessionId: string): Promise<RaisedHand[]> {
    const hands = await this.db.manager.find(LiveHandEntity, {
      where: { sessionId },
      order: { raisedAt: 'ASC', id: 'ASC' },
    });
    if (!hands.length) return [];
    const users = await this.db.manager.find(UserEntity, {
      where: { id: In(hands.map((h) => h.userId)) },
      select: { id: true, displayName: true, companyId: true },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    return hands.filter((h) => byId.has(h.userId)).map((h) => toHand(h, byId.get(h.userId)!));
  }

  async promote(host: Actor, sessionId: string, userId: string): Promise<StageChange> {
    const access = await this.access.host(host, sessionId);
    this.livekit.requireEnabled();
    const target = await this.access.target(access, userId);
    if (target.isHost) throw LiveErrors.alreadyOnStage();
    const removed = await this.db.manager.existsBy(LiveRemovalEntity, { sessionId, userId });
    if (!target.canJoin || removed) throw LiveErrors.notAParticipant();

    const live = await this.livekit.updateParticipant(
      sessionRoom(sessionId),
      userId,
      participantPermission('speaker'),
      participantMetadata('speaker', target.user.companyId),
    );
    await this.recordOnce(async (em) => {
      await em.delete(LiveHandEntity, { sessionId, userId });
      if (await em.existsBy(LiveSpeakerEntity, { sessionId, userId })) return;
      await em.insert(LiveSpeakerEntity, {
        id: randomUUID(),
        sessionId,
        userId,
        promotedById: host.id,
        promotedAt: new Date(),
      });
    });
    await this.handsChanged(sessionId, userId, null);
    return { userId, canPublish: true, live };
  }

  /** Sends a promoted speaker back to the audience. Hosts stay hosts: the agenda decides those. */
  async demote(host: Actor, sessionId: string, userId: string): Promise<StageChange> {
    const access = await this.access.host(host, sessionId);
    this.livekit.requireEnabled();
    const target = await this.access.target(access, userId);
    if (target.isHost) throw LiveErrors.hostIsFixed();

    const live = await this.livekit.updateParticipant(
      sessionRoom(sessionId),
      userId,
      participantPermission('audience'),
      participantMetadata('audience', target.user.companyId),
    );
    await this.db.transaction((em) => em.delete(LiveSpeakerEntity, { sessionId, userId }));
    return { userId, canPublish: false, live };
  }

  /** Disconnects a participant and keeps them out (no new token) until a host lets them back in. */
  async remove(host: Actor, sessionId: string, userId: string): Promise<StageChange> {
    const access = await this.access.host(host, sessionId);
    this.livekit.requireEnabled();
    const target = await this.access.target(access, userId);
    if (target.isHost) throw LiveErrors.hostIsFixed();

    const live = await this.livekit.removeParticipant(sessionRoom(sessionId), userId);
    await this.recordOnce(async (em) => {
      await em.delete(LiveHandEntity, { sessionId, userId });
      await em.delete(LiveSpeakerEntity, { sessionId, userId });
      if (await em.existsBy(LiveRemovalEntity, { sessionId, userId })) return;
      await em.insert(LiveRemovalEntity, {
        id: randomUUID(),
        sessionId,
        userId,
        removedById: host.id,
        removedAt: new Date(),
      });
    });
    await this.handsChanged(sessionId, userId, null);
    // Out of the session room's chat, Q&A and polls too, on every node.
    this.changes.publish({ userIds: [userId], rooms: [roomName('session', sessionId)] });
    return { userId, canPublish: false, live };
  }

  async readmit(host: Actor, sessionId: string, userId: string): Promise<void> {
    await this.access.host(host, sessionId);
    await this.db.transaction((em) => em.delete(LiveRemovalEntity, { sessionId, userId }));
  }

  /** Pushes the hosts' list and the user's own hand after a change (sent after the commit). */
  private async handsChanged(sessionId: string, userId: string, hand: RaisedHand | null): Promise<void> {
    const room = roomName('session', sessionId);
    this.broadcaster.toModerators(room, 'stage:hands', { sessionId, hands: await this.handsOf(sessionId) });
    this.broadcaster.toUser(userId, 'stage:my-hand', { sessionId, hand });
  }

  /** Two hosts acting at once: the unique key lets one insert win; the other's result is the same. */
  private async recordOnce(work: (em: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.db.transaction(work);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
